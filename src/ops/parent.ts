/**
 * Call `onGone` once when the process that started this one exits (this process is then adopted by
 * another, so its parent id changes). Under `npm start` this is how a signal npm does not pass on
 * (SIGHUP: npm dies of it) still ends the line cleanly instead of leaving it orphaned.
 */
export function watchParent(onGone: () => void, everyMs = 500): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
}

/** True when npm started this process (`npm start`): npm sets npm_lifecycle_event for its scripts. */
export function startedByNpm(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.npm_lifecycle_event === 'start';
}
