import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '../fixtures/faq/faq-yaml.js';

/** Debian's chromium (apt-get install chromium), or only CHROMIUM_PATH when it is set. */
export const CHROMIUM = (process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser']).find((p) => existsSync(p));

/** Set by .ci/run: there a missing Chromium fails the browser tests instead of skipping them. */
export const BROWSER_REQUIRED = process.env.CONSOLE_BROWSER_REQUIRED === '1';

/** Where each browser test leaves a screenshot (git-ignored). */
export const SCREENSHOTS = path.join(repoRoot, 'test-output', 'screenshots');

/** Compile the console's browser script as `npm run build` does, so the line serves the current one. */
export function buildConsoleScript(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', path.join(repoRoot, 'tsconfig.console.json')], { stdio: 'inherit' });
}

export interface Browser {
  readonly context: BrowserContext;
  page(): Promise<Page>;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile and nothing that reaches out to the network by itself. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'faq-console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 800 },
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    page: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
