import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/**
 * Compare `actual` with test/fixtures/twiml/<name> exactly (the file adds one final newline).
 * UPDATE_FIXTURES=1 rewrites the file first; review the diff before committing it.
 */
export function expectGolden(name: string, actual: string): void {
  const path = fileURLToPath(new URL(`../fixtures/twiml/${name}`, import.meta.url));
  if (process.env.UPDATE_FIXTURES === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${actual}\n`);
  }
  if (!existsSync(path)) throw new Error(`missing fixture ${name}: run UPDATE_FIXTURES=1 npx vitest run test/render`);
  expect(`${actual}\n`).toBe(readFileSync(path, 'utf8'));
}
