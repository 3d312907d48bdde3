import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';

/** What the image runs, read from the Dockerfile (no Docker daemon in CI). */
const dockerfile = readFileSync(join(projectRoot, 'Dockerfile'), 'utf8');
const instruction = (name: string): string[] => dockerfile.split('\n').filter((l) => l.startsWith(`${name} `));

describe('the container image', () => {
  it('runs node under tini, so signals are forwarded and zombies reaped without docker run --init', () => {
    expect(dockerfile).toMatch(/apt-get install[^\n]*\btini\b/);
    expect(instruction('ENTRYPOINT').at(-1)).toBe('ENTRYPOINT ["/usr/bin/tini", "--"]');
  });

  it('starts node directly (npm would not pass SIGHUP on) with source maps for stack traces', () => {
    expect(instruction('CMD').at(-1)).toBe('CMD ["node", "--enable-source-maps", "dist/src/main.js"]');
  });
});
