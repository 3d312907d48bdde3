// Before `npm start`: compile TypeScript only when dist/ is older than the sources, so a start with a
// current build serves at once instead of recompiling (about 20 s). Plain JavaScript: it runs before any build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
const inputs = ['src', 'types', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.console.json', 'package.json', 'package-lock.json'];

/** The newest modification time under `path` (a file or a folder), 0 when it is missing. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const built = existsSync(join(root, 'dist', 'src', 'main.js')) ? newest(stamp) : 0;
const sources = Math.max(...inputs.map((p) => newest(join(root, p))));
if (built > sources) process.exit(0);

process.stderr.write(built ? 'sources changed since the last build: building\n' : 'no build yet: building\n');
const started = Date.now();
// the package's own build script, whatever it compiles
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// dated when the build started, so a source saved during the build makes the next start build again
writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
utimesSync(stamp, started / 1000, started / 1000);
