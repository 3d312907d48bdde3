import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildFaq } from '../../src/faq/build.js';
import { createLine } from '../../src/line.js';
import { faqYaml } from '../fixtures/faq/faq-yaml.js';
import { BROWSER_REQUIRED, buildConsoleScript, CHROMIUM, launchChromium, screenshot, type Browser } from './chromium.js';
import { startLine, type RunningLine } from './server.js';

const TOKEN = 'console-token-for-browser-tests-42';
const HOSTILE = '<img src=x onerror="window.pwned=1;document.title=\'pwned\'">';

if (!CHROMIUM) {
  const message = `no Chromium found (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}): apt-get install chromium to run them`;
  if (BROWSER_REQUIRED) {
    it('finds Chromium to drive the console in (CONSOLE_BROWSER_REQUIRED=1)', () => {
      throw new Error(message);
    });
  } else {
    console.warn(`\n  SKIPPED the console's browser tests: ${message}\n`);
    describe.skip(`the console in a browser (skipped: ${message})`, () => {
      it('needs Chromium', () => undefined);
    });
  }
} else {
  const executable = CHROMIUM;
  describe('the console in headless Chromium', () => {
    let browser: Browser;
    let line: RunningLine;
    const errors: string[] = [];

    const open = async (path: string): Promise<Page> => {
      const page = await browser.page();
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('dialog', (dialog) => {
        errors.push(`a dialog opened: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(`${line.url}${path}`);
      return page;
    };

    const text = async (page: Page, message: string): Promise<void> => {
      const replies = await page.locator('#thread .bubble:not(.mine)').count();
      await page.fill('#message', message);
      await page.click('#send');
      await page.locator('#thread .bubble:not(.mine)').nth(replies).waitFor();
    };

    beforeAll(async () => {
      buildConsoleScript();
      browser = await launchChromium(executable);
      line = await startLine();
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await line?.close();
    });

    it('shows a texted answer as the phone shows it: each message, its characters, encoding and segments', async () => {
      const page = await open('/console');
      await text(page, 'Where are backups stored?');
      const bubbles = page.locator('#thread .bubble.reply');
      await expect.poll(() => bubbles.count()).toBe(2);
      expect(await bubbles.nth(0).textContent()).toMatch(/^Twilio Services Hosted in AWS .* \(1\/2\)$/s);
      const metas = await page.locator('#thread .meta').allTextContents();
      expect(metas).toEqual(['Message 1 of 2 · 1132 characters, GSM-7, 8 segments', 'Message 2 of 2 · 1033 characters, GSM-7, 7 segments']);
      expect(await page.locator('#why .rule').textContent()).toContain('at or above the threshold');
      expect(await page.locator('#why td').first().textContent()).toBe('6');
      await screenshot(page, 'text-answer');
      await page.close();
    });

    it('behaves as the webhook does for MENU, a topic letter, a menu number and STOP', async () => {
      const page = await open('/console');
      await text(page, 'MENU');
      expect(await page.locator('#thread .bubble.reply').last().textContent()).toContain('Topics: A) Business Continuity and Disaster Recovery, B) Cloud Security.');
      await text(page, 'B');
      expect(await page.locator('#thread .bubble.reply').last().textContent()).toMatch(/^Cloud Security: /);
      await text(page, '9');
      expect(await page.locator('#thread .bubble.reply').last().textContent()).toContain('Technology Errors and Omissions Liability insurance');
      await text(page, 'STOP');
      expect(await page.locator('#thread .bubble').last().textContent()).toBe('No reply (an empty <Response/>).');
      expect(await page.locator('#why .rule').textContent()).toContain('Opt-out keyword');
      await screenshot(page, 'text-menu');
      await page.close();
    });

    it('walks a call through the keypad menu to an answer, showing each <Say>, and hangs up', async () => {
      const page = await open('/console/call');
      await page.click('#place-call');
      await page.locator('#call-thread .listening').first().waitFor();
      expect(await page.locator('#call-thread .say').first().textContent()).toBe("Hello, you've reached the Twilio F A Q line.");
      const press = async (key: string, listening: number): Promise<void> => {
        await page.click(`#keypad button[data-key="${key}"]`);
        await page.locator('#call-thread .listening').nth(listening).waitFor();
      };
      await press('0', 1);
      expect(await page.locator('#call-thread .say').allTextContents()).toContain('For Cloud Security, press 2.');
      await press('2', 2);
      expect(await page.locator('#call-thread .say').allTextContents()).toContain('For Whitelisting, press 6.');
      await press('6', 3);
      const said = (await page.locator('#call-thread .say').allTextContents()).join(' ');
      expect(said).toMatch(/whitelist/i);
      await page.click('#hang-up');
      await page.locator('#call-thread .ended').waitFor();
      expect(await page.locator('#call-thread .ended').textContent()).toBe('call ended: caller-hung-up');
      expect(await page.locator('#place-call').isEnabled()).toBe(true);
      await screenshot(page, 'call-keypad');
      await page.close();
    });

    it('pages a long spoken answer: "more" gives the rest, and silence gets asked again', async () => {
      const page = await open('/console/call');
      const listening = page.locator('#call-thread .listening');
      const say = async (words: string, turn: number): Promise<void> => {
        await page.fill('#speech', words);
        await page.press('#speech', 'Enter');
        await listening.nth(turn).waitFor();
      };
      await page.click('#place-call');
      await listening.first().waitFor();
      await say('Can your staff work remotely after a disaster?', 1);
      const said = () => page.locator('#call-thread .say').allTextContents();
      expect(await said()).toContain('That was part 1 of 2. To hear the rest, say continue, or press 1. Or ask another question.');
      await say('more', 2);
      expect((await said()).join(' ')).toContain('We do not have a traditional call center.');
      expect(await page.locator('#why .rule').textContent()).toContain('the next page of the answer');
      await page.click('#silence');
      await listening.nth(3).waitFor();
      expect(await said()).toContain('Are you still there?');
      await screenshot(page, 'call-paging');
      await page.click('#hang-up');
      await page.locator('#call-thread .ended').waitFor();
      await page.close();
    });

    it('lists a declined question under Unanswered, with the chart and a CSV', async () => {
      const page = await open('/console');
      await text(page, 'What is the best pizza in Chicago?');
      expect(await page.locator('#thread .bubble.reply').last().textContent()).toMatch(/^Sorry, I can't answer that\./);
      await page.click('nav a:has-text("Unanswered")');
      const row = page.locator('table tr', { hasText: 'What is the best pizza in Chicago?' });
      expect(await row.count()).toBe(1);
      expect(await page.locator('svg.chart rect.bar').count()).toBeGreaterThan(0);
      const csv = await page.request.get(`${line.url}/console/unanswered.csv`);
      expect(await csv.text()).toContain('apology,What is the best pizza in Chicago?,1');
      await screenshot(page, 'unanswered');
      await page.click('nav a:has-text("Why")');
      expect(await page.locator('.why h3').first().textContent()).toContain('What is the best pizza in Chicago?');
      await screenshot(page, 'why');
      await page.close();
    });

    it('shows every FAQ entry with its SMS parts and spoken form', async () => {
      const page = await open('/console/faq');
      expect(await page.locator('article.entry').count()).toBe(17);
      expect(await page.locator('#entry-insurance summary').allTextContents()).toEqual(['Answer', 'By SMS: 1 message, 1 segment', 'Spoken: 1 page']);
      await screenshot(page, 'faq');
      await page.close();
    });

    it('renders a hostile question as text and runs nothing', async () => {
      const page = await open('/console');
      await text(page, HOSTILE);
      expect(await page.locator('#thread .bubble.mine').last().textContent()).toBe(HOSTILE);
      expect(await page.locator('#thread img, #why img').count()).toBe(0);
      await page.goto(`${line.url}/console/why`);
      expect(await page.locator('.why h3').first().textContent()).toContain(HOSTILE);
      await page.goto(`${line.url}/console/unanswered`);
      expect(await page.locator('td', { hasText: HOSTILE }).count()).toBe(1);
      expect(await page.locator('main img').count()).toBe(0);
      expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
      expect(await page.title()).not.toBe('pwned');
      expect(errors).toEqual([]);
      await screenshot(page, 'hostile-question');
      await page.close();
    });

    it('renders a hostile FAQ answer as text in the thread and the FAQ tab, and runs nothing', async () => {
      const faq = buildFaq(
        faqYaml([{ id: 'evil', question: 'Is this safe?', answer: `Sure. ${HOSTILE}`, phrasings: ['is this safe', 'safe or not', 'how safe is it', 'tell me it is safe', 'safety question', 'are you safe'] }, { id: 'other' }]),
        'hostile.yaml',
      );
      const hostile = await startLine({}, createLine(faq));
      try {
        const page = await browser.page();
        page.on('dialog', (dialog) => void dialog.dismiss().then(() => errors.push('dialog')));
        await page.goto(`${hostile.url}/console`);
        await text(page, 'Is this safe?');
        expect(await page.locator('#thread .bubble.reply').last().textContent()).toContain('<img src=x onerror=');
        await page.goto(`${hostile.url}/console/faq`);
        expect(await page.locator('#entry-evil details p').first().textContent()).toContain('<img src=x onerror=');
        expect(await page.locator('main img').count()).toBe(0);
        expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
        expect(errors).toEqual([]);
        await screenshot(page, 'hostile-answer');
        await page.close();
      } finally {
        await hostile.close();
      }
    });

    it('shows only the login form without the token, and the console after logging in with it', async () => {
      const guarded = await startLine({ CONSOLE_TOKEN: TOKEN });
      const base = guarded.url; // Chromium keeps Secure cookies on http://127.0.0.1 too (production serves the console over HTTPS)
      try {
        const page = await browser.page();
        const res = await page.goto(`${base}/console/faq`);
        expect(res?.status()).toBe(401);
        expect(await page.locator('article.entry').count()).toBe(0);
        await page.fill('#token', 'not the token');
        await page.click('button[type=submit]');
        expect(await page.locator('.error').textContent()).toBe('That is not the console token.');
        const api = await page.request.post(`${base}/console/api/text`, { data: { conversation: 'x', text: 'hi' } });
        expect(api.status()).toBe(401);
        await page.fill('#token', TOKEN);
        await page.click('button[type=submit]');
        await page.locator('#thread').waitFor();
        await text(page, 'Does Twilio have insurance?');
        expect(await page.locator('#thread .bubble.reply').last().textContent()).toContain('insurance');
        await screenshot(page, 'login-then-text');
        await page.close();
      } finally {
        await guarded.close();
      }
    });
  });
}
