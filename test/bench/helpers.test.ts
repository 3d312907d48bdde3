import { describe, expect, it } from 'vitest';
import { generateFaqYaml } from '../../bench/lib/faq-gen.js';
import { generateQuestions } from '../../bench/lib/questions.js';
import { BENCH_PUBLIC_URL, BENCH_TOKEN, twilioSignature } from '../../bench/lib/sign.js';
import { percentile, summarize } from '../../bench/lib/stats.js';
import { smsFields, textStream } from '../../bench/lib/webhook.js';
import { buildFaq } from '../../src/faq/build.js';
import { isTwilioSignature } from '../../src/http/signature.js';

describe('the benchmark helpers', () => {
  const yaml = generateFaqYaml(200);
  const faq = buildFaq(yaml, 'generated-200');

  it('generate an FAQ of the size asked that passes the data file validation, the same on every run', () => {
    expect(faq.entries).toHaveLength(200);
    expect(faq.entries.every((e) => e.phrasings.length >= 6)).toBe(true);
    expect(new Set(faq.entries.map((e) => e.question)).size).toBe(200);
    expect(generateFaqYaml(200)).toBe(yaml);
  });

  it('generate distinct questions, the same for a seed', () => {
    const questions = generateQuestions(faq, 500, 3);
    expect(new Set(questions).size).toBe(500);
    expect(generateQuestions(faq, 500, 3)).toEqual(questions);
    expect(generateQuestions(faq, 500, 4)).not.toEqual(questions);
  });

  it('send a different text with every request until the stream has given all it has', () => {
    const stream = textStream(['a', 'b', 'c', 'd', 'e']);
    const texts = Array.from({ length: stream.distinct }, () => stream.next());
    expect(stream.distinct).toBe(35);
    expect(new Set(texts).size).toBe(35);
  });

  it('sign webhooks the way the line checks them', () => {
    const fields = smsFields(7, 'where are backups stored?');
    const url = `${BENCH_PUBLIC_URL}/sms`;
    expect(isTwilioSignature(BENCH_TOKEN, twilioSignature(url, fields), url, fields)).toBe(true);
    expect(isTwilioSignature(BENCH_TOKEN, twilioSignature(url, { ...fields, Body: 'other' }), url, fields)).toBe(false);
  });

  it('take percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile([...values].sort((a, b) => a - b), 50)).toBe(50);
    expect(summarize(values)).toMatchObject({ count: 100, p50: 50, p99: 99, max: 100, mean: 50.5 });
  });
});
