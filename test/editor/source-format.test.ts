import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineError } from '../../src/errors.js';
import { cleanText, parseSource } from '../../src/editor/source-format.js';
import { repoRoot } from '../fixtures/faq/faq-yaml.js';

const SEED = path.resolve(repoRoot, 'faq-data/source/twilio-faq.txt');
const SMALL = path.resolve(repoRoot, 'test/fixtures/faq/export-small.txt');

const parseFile = (file: string) => parseSource(readFileSync(file, 'utf8'), file);

/** The LineError a call throws (fails the test if it throws nothing or something else). */
function lineErrorOf(fn: () => unknown): LineError {
  try {
    fn();
  } catch (err) {
    if (err instanceof LineError) return err;
    throw err;
  }
  throw new Error('expected a LineError');
}

describe('parseSource on the real seed export', () => {
  it('reads all 19 TOPIC/QUESTION/ANSWER blocks', () => {
    expect(parseFile(SEED).blocks).toHaveLength(19);
  });

  it('takes the greeting from the AI: line after the FAQ', () => {
    expect(parseFile(SEED).greeting).toMatch(/^I am a chatbot that can answer questions about Twilio\./);
  });
});

describe('parseSource on a small export', () => {
  const doc = parseFile(SMALL);

  it('reads every block with its topic, question and the 1-based line of its TOPIC', () => {
    expect(doc.blocks.map((b) => [b.topic, b.question, b.line])).toEqual([
      ['Continuity', 'Recovery Plan', 6],
      ['Continuity', 'Recovery Plan', 10],
      ['Continuity', 'Patch Window', 14],
      ['Security', 'Patching / Downtime', 18],
      ['Security', 'Allowlisting', 22],
      ['Security', '"Hard Down" Outages', 26],
    ]);
  });

  it('decodes HTML entities such as &#x27;', () => {
    expect(doc.blocks[4]?.answer).toBe("We can give you static IPs to allowlist. We will not allowlist a customer's IPs.");
  });

  it('turns ""Hard Down"" into "Hard Down" in questions and answers', () => {
    expect(doc.blocks[5]?.question).toBe('"Hard Down" Outages');
    expect(doc.blocks[5]?.answer).toContain('A "hard down" outage');
  });

  it('joins an answer that runs on to the next line', () => {
    expect(doc.blocks[5]?.answer).toBe('A "hard down" outage of the whole cloud is very unlikely.');
  });

  it('gives a link repeated back to back only once', () => {
    expect(doc.blocks[1]?.answer).toBe('Link to download the plan: https://example.com/plan.pdf');
  });

  it('collapses runs of spaces but keeps curly quotes as written', () => {
    expect(doc.blocks[2]?.answer).toBe('We don’t stop the service for patches.');
  });

  it('takes the greeting from the AI: line, not from the human', () => {
    expect(doc.greeting).toBe('I answer questions from the example FAQ, and nothing else.');
  });

  it('leaves the greeting out when the export has no AI: line', () => {
    const parsed = parseSource('TOPIC: T\nQUESTION: Q\nANSWER: A.\n', 'no-ai.txt');
    expect(parsed.greeting).toBeUndefined();
    expect(parsed.blocks).toHaveLength(1);
  });
});

describe('parseSource errors', () => {
  it('names the file and the line of a block that has no ANSWER', () => {
    const text = 'FAQ:\n\nTOPIC: T\nQUESTION: First\nANSWER: One.\n\nTOPIC: T\nQUESTION: Second\n\nTOPIC: T\nQUESTION: Third\nANSWER: Three.\n';
    const err = lineErrorOf(() => parseSource(text, 'broken-export.txt'));
    expect(err.code).toBe('IMPORT_FORMAT');
    expect(err.message).toBe('broken-export.txt:7: block has no ANSWER line');
  });

  it('names the line of an ANSWER that comes before any TOPIC', () => {
    const err = lineErrorOf(() => parseSource('FAQ:\nANSWER: Orphan.\n', 'orphan.txt'));
    expect(err.message).toBe('orphan.txt:2: ANSWER before any TOPIC');
  });

  it('rejects a file without any block', () => {
    const err = lineErrorOf(() => parseSource('Just some notes.\n', 'notes.txt'));
    expect(err.message).toBe('notes.txt: no TOPIC/QUESTION/ANSWER blocks found');
  });
});

describe('cleanText', () => {
  it('decodes named and numeric entities', () => {
    expect(cleanText('Q&amp;A isn&#x27;t &quot;hard&quot;')).toBe('Q&A isn\'t "hard"');
  });

  it('keeps a link that is not repeated', () => {
    expect(cleanText('see https://status.twilio.com/  for updates')).toBe('see https://status.twilio.com/ for updates');
  });
});
