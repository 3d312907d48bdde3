import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerInput, type CallerInput } from '../../src/sim/call.js';
import { CookieJar } from '../../src/sim/cookies.js';
import { callFields, SIMULATED_ACCOUNT_SID } from '../../src/sim/fields.js';
import { followCall, type CallStep } from '../../src/sim/follow.js';
import { startLocalLine, type LocalLine } from '../../src/sim/local.js';
import { parseScript } from '../../src/sim/script.js';
import { webhookUrl } from '../../src/sim/session.js';
import { createWebhookClient } from '../../src/sim/webhook.js';
import { TOKEN } from './fake-line.js';

let local: LocalLine;
beforeAll(async () => {
  local = await startLocalLine({ token: TOKEN });
});
afterAll(() => local.close());

/** What the line said between the caller's turns: turn 0 is the greeting. */
function saidPerTurn(steps: readonly CallStep[]): string[] {
  const turns: string[] = [''];
  for (const step of steps) {
    if (step.kind === 'caller') turns.push('');
    if (step.kind === 'say') turns[turns.length - 1] += `${step.text} `;
  }
  return turns;
}

describe('a scripted call to the real line (POST /voice, signed)', () => {
  it('greets, answers a spoken question, reads on after "more", offers the keypad menu, and hangs up after goodbye', async () => {
    const script = parseScript(readFileSync(new URL('../fixtures/sim/call-backups.txt', import.meta.url), 'utf8'));
    const steps: CallStep[] = [];
    const inputs: CallerInput[] = [];
    const end = await followCall(
      {
        send: createWebhookClient({ token: TOKEN, cookies: new CookieJar() }),
        listen: (gather) => {
          const line = script.shift();
          const input: CallerInput = line === undefined ? { kind: 'hangup' } : callerInput(line, gather);
          inputs.push(input);
          return Promise.resolve(input);
        },
        show: (step) => steps.push(step),
      },
      { url: webhookUrl(local.url, 'voice'), fields: callFields({ from: '+15551234567', to: '+15557654321', accountSid: SIMULATED_ACCOUNT_SID }) },
    );

    expect(inputs.map((i) => i.kind)).toEqual(['speech', 'speech', 'digits', 'digits', 'speech']);
    const [greeting = '', answer = '', more = '', menu = '', topic = '', goodbye = ''] = saidPerTurn(steps);
    expect(greeting).toMatch(/hello/i);
    expect(answer).toMatch(/Backups are located/);
    expect(more.length).toBeGreaterThan(100);
    expect(answer).not.toContain(more.slice(0, 80));
    expect(menu).toMatch(/press 1/i);
    expect(topic).toMatch(/press \d/i);
    expect(topic).not.toBe(menu);
    expect(goodbye).toMatch(/goodbye/i);
    expect(end).toMatchObject({ kind: 'ended', reason: 'hangup', requests: 6 });
    const requests = steps.filter((s) => s.kind === 'request');
    expect(new Set(requests.map((r) => r.fields.CallSid)).size).toBe(1);
  });
});

describe('a call to the real line with HANDOFF_NUMBER, asking for a person', () => {
  let handing: LocalLine;
  beforeAll(async () => {
    handing = await startLocalLine({ token: TOKEN, handoffNumber: '+14155550100' });
  });
  afterAll(() => handing.close());

  it('shows the call put through to the number and, as no one answers there, the apology and hangup', async () => {
    const steps: CallStep[] = [];
    const script = ['agent'];
    const end = await followCall(
      {
        send: createWebhookClient({ token: TOKEN, cookies: new CookieJar() }),
        listen: (gather) => {
          const line = script.shift();
          return Promise.resolve(line === undefined ? { kind: 'hangup' } : callerInput(line, gather));
        },
        show: (step) => void steps.push(step),
      },
      { url: webhookUrl(handing.url, 'voice'), fields: callFields({ from: '+15551234567', to: '+15557654321', accountSid: SIMULATED_ACCOUNT_SID }) },
    );
    expect(steps).toContainEqual({ kind: 'dial', number: '+14155550100' });
    const said = steps.filter((s) => s.kind === 'say').map((s) => (s as { text: string }).text);
    expect(said).toContain('Connecting you to a person now. Please hold.');
    expect(said.at(-1)).toBe('Sorry, no one could take your call just now. Please call again later. Goodbye.');
    expect(end.reason).toBe('hangup');
  });
});
