import { defineConfig } from 'vitest/config';

/** The console's browser tests drive Chromium, which needs the CPU: they run after the rest, alone. */
const BROWSER = 'test/console/browser.test.ts';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'line', include: ['test/**/*.test.ts'], exclude: [BROWSER], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'browser', include: [BROWSER], sequence: { groupOrder: 1 } } },
    ],
  },
});
