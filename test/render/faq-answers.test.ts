import { readFileSync } from 'node:fs';
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { smsMessages } from '../../src/render/sms.js';

/**
 * The real FAQ, read loosely (answers only): it is edited while the line is developed, and this
 * test must not depend on its phrasings or on it passing the schema at every moment.
 */
function realAnswers(): Array<[string, string]> {
  const data = parse(readFileSync(new URL('../../faq-data/faq.yaml', import.meta.url), 'utf8')) as {
    apology?: string;
    entries?: Array<{ id?: string; answer?: string }>;
    smalltalk?: Array<{ id?: string; answer?: string }>;
  };
  const items = [...(data.entries ?? []), ...(data.smalltalk ?? []).map((s) => ({ ...s, id: `smalltalk/${s.id}` }))];
  return [['apology', data.apology ?? ''], ...items.map((e): [string, string] => [e.id ?? '?', e.answer ?? ''])];
}

describe('the answers in faq-data/faq.yaml', () => {
  it('each go out as GSM-7, in at most 10 messages of at most 1,600 characters', () => {
    const answers = realAnswers();
    expect(answers.length).toBeGreaterThan(1);
    for (const [id, answer] of answers) {
      const messages = smsMessages([answer]);
      expect(messages.length, id).toBeGreaterThanOrEqual(1);
      expect(messages.length, id).toBeLessThanOrEqual(10);
      for (const m of messages) {
        expect(m.length, id).toBeLessThanOrEqual(1600);
        expect(new SegmentedMessage(m).getNonGsmCharacters(), id).toEqual([]);
      }
    }
  });
});
