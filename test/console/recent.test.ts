import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecentTurns } from '../../src/console/recent.js';
import { startLine, type RunningLine } from './server.js';

const post = (url: string, text: string) =>
  fetch(`${url}/console/api/text`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ conversation: 'private', text }) });

describe('the console with LOG_UTTERANCES=false', () => {
  let line: RunningLine;
  beforeAll(async () => {
    line = await startLine({ LOG_UTTERANCES: 'false' });
  });
  afterAll(() => line.close());

  it('keeps no text of what was asked, and its pages say so', async () => {
    expect((await post(line.url, 'What is the best pizza in Rome?')).status).toBe(200);
    for (const path of ['/console/why', '/console/unanswered']) {
      const page = await (await fetch(`${line.url}${path}`)).text();
      expect(page).toContain('LOG_UTTERANCES=false');
      expect(page).not.toContain('pizza');
    }
    const why = await (await fetch(`${line.url}/console/why`)).text();
    expect(why).toContain('(no text kept) → apology');
    const csv = await (await fetch(`${line.url}/console/unanswered.csv`)).text();
    expect(csv).not.toContain('pizza');
  });
});

describe('the recent-turns buffer', () => {
  it('keeps only the last turns it has room for', () => {
    const recent = createRecentTurns({ capacity: 3, keepText: true });
    for (let i = 0; i < 5; i++) {
      const listeners: Array<() => void> = [];
      const res = { once: (_: string, f: () => void) => listeners.push(f), locals: { turn: { channel: 'sms', outcome: `o${i}`, text: `q${i}` } } };
      recent.feed({ body: { Body: `q${i}` }, get: () => undefined } as never, res as never, () => undefined);
      listeners.forEach((f) => f());
    }
    expect(recent.all().map((t) => [t.outcome, t.text])).toEqual([
      ['o2', 'q2'],
      ['o3', 'q3'],
      ['o4', 'q4'],
    ]);
  });
});
