import { parentPort, workerData } from 'node:worker_threads';
import { LineError } from '../errors.js';
import { buildFaq } from '../faq/build.js';

/**
 * The worker's body (see faq-worker.ts): parse and validate the FAQ text in workerData (what the serving
 * thread read) and post whether it is a valid FAQ. The YAML parse is where a bad file costs minutes, so
 * it happens here, off the serving thread; only a valid FAQ's classifier is built on the serving thread.
 */
export interface CheckRequest {
  readonly file: string;
  readonly text: string;
}

export type CheckResult =
  | { readonly ok: true; readonly entries: number }
  | { readonly ok: false; readonly code: string | undefined; readonly message: string; readonly hint: string | undefined };

function check({ file, text }: CheckRequest): CheckResult {
  try {
    return { ok: true, entries: buildFaq(text, file).entries.length };
  } catch (err) {
    if (err instanceof LineError) return { ok: false, code: err.code, message: err.message, hint: err.hint };
    return { ok: false, code: undefined, message: (err as Error)?.message ?? String(err), hint: undefined };
  }
}

parentPort?.postMessage(check(workerData as CheckRequest));
