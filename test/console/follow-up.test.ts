import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFaq } from '../../src/faq/build.js';
import { createLine } from '../../src/line.js';
import { faqYaml, type EntrySpec } from '../fixtures/faq/faq-yaml.js';
import { startLine, type RunningLine } from './server.js';

const near: EntrySpec[] = [
  {
    id: 'backup-region',
    question: 'Backup region',
    answer: 'Backups are kept in the US West region.',
    phrasings: ['where are backups kept', 'backup region', 'which region holds backups', 'backups region', 'region of the backups', 'where do backups live'],
  },
  {
    id: 'backup-place',
    question: 'Backup place',
    answer: 'Backups are kept in S3.',
    phrasings: ['where are backups kept', 'backup place', 'which place holds backups', 'backups place', 'place of the backups', 'where do backups live'],
  },
];

describe('a clarification in the console', () => {
  let line: RunningLine;
  beforeAll(async () => {
    line = await startLine({}, createLine(buildFaq(faqYaml(near, { understanding: { threshold: 0.1, clarifyMargin: 0.5 } }), 'near.yaml')));
  });
  afterAll(() => line.close());

  const text = async (body: string): Promise<{ messages: { body: string }[]; why: { outcome: string; rule: string } }> => {
    const res = await fetch(`${line.url}/console/api/text`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ conversation: 'follow-up', text: body }) });
    return (await res.json()) as { messages: { body: string }[]; why: { outcome: string; rule: string } };
  };

  it('asks which entry was meant, takes the number texted back, and lists the question with the entries offered', async () => {
    const asked = await text('where are backups kept');
    expect(asked.messages.map((m) => m.body)).toEqual(['Did you mean 1) Backup region or 2) Backup place? Text the number.']);
    expect(asked.why.outcome).toBe('clarify');
    expect(asked.why.rule).toContain('within the clarify margin 0.5');
    const picked = await text('2');
    expect(picked.messages.map((m) => m.body)).toEqual(['Backups are kept in S3.']);
    expect(picked.why.rule).toBe('Entry number 2 picked from the menu.');
    const page = await (await fetch(`${line.url}/console/unanswered`)).text();
    expect(page).toMatch(/<h2>Clarifications asked<\/h2>\s*<table>.*<td>where are backups kept<\/td><td class="num">1<\/td><td>backup-(region, backup-place|place, backup-region)<\/td>/s);
  });
});
