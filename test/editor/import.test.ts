import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFaq } from '../../src/faq/build.js';
import { importSource } from '../../src/editor/import.js';
import type { FaqFile, FaqFileEntry } from '../../src/faq/schema.js';
import { parseSource } from '../../src/editor/source-format.js';
import { removePhrasings, updateEntries } from '../../src/editor/faq-document.js';
import { formatFaqFile } from '../../src/editor/yaml-file.js';
import { repoRoot, sixPhrasings } from '../fixtures/faq/faq-yaml.js';

const SEED = path.resolve(repoRoot, 'faq-data/source/twilio-faq.txt');
const SMALL = path.resolve(repoRoot, 'test/fixtures/faq/export-small.txt');

const importFile = (file: string, previous?: FaqFile) => importSource(parseSource(readFileSync(file, 'utf8'), file), previous);
const importText = (text: string, previous?: FaqFile) => importSource(parseSource(text, 'export.txt'), previous);

/** The file as an editor leaves it after writing the phrasings of every entry and of the greeting. */
const withPhrasings = (file: FaqFile): FaqFile => ({
  ...file,
  smalltalk: file.smalltalk.map((s) => ({ ...s, phrasings: ['hi', 'hello', 'who are you'] })),
  entries: file.entries.map((e) => ({ ...e, phrasings: sixPhrasings(e.id) })),
});

function entry(file: FaqFile, id: string) {
  const found = file.entries.find((e) => e.id === id);
  if (!found) throw new Error(`no entry "${id}" in ${file.entries.map((e) => e.id).join(', ')}`);
  return found;
}

describe('importSource on the real seed export', () => {
  const report = importFile(SEED);

  it('turns 19 blocks into 17 entries', () => {
    expect(report.file.entries).toHaveLength(17);
  });

  it('gives the Business Continuity Plan both its overview and its download link, the link once', () => {
    const answer = entry(report.file, 'business-continuity-plan').answer;
    expect(answer).toMatch(/^Twilio is a cloud-communication platform hosted on AWS\./);
    expect(answer).toContain('Link to download attachment:');
    expect(answer.split('https://drive.google.com/file/d/1OV58HkarfgxgSuOK4eCUC7HDWe59N9ia/view')).toHaveLength(2);
  });

  it('lists the Cloud Security maintenance question under `also` of the scheduled maintenance entry', () => {
    const maintenance = entry(report.file, 'scheduled-maintenance-window');
    expect(maintenance.also).toEqual([{ topic: 'Cloud Security', question: 'Downtime / Maintenance windows' }]);
    expect(report.file.entries.filter((e) => /maintenance/i.test(e.question))).toHaveLength(1);
  });

  it('decodes &#x27; in the whitelisting answer', () => {
    expect(entry(report.file, 'whitelisting').answer).toContain("Twilio will not whitelist customer's IPs.");
  });

  it('writes ""Hard Down"" as "Hard Down"', () => {
    const hardDown = report.file.entries.find((e) => e.question.includes('Hard Down'));
    expect(hardDown?.question).toBe('DR "Hard Down" Scenarios');
    expect(hardDown?.answer).toContain('AWS having a "hard down" situation');
  });

  it('makes the AI: line the greeting small talk of a new file', () => {
    expect(report.file.smalltalk).toEqual([{ id: 'greeting', answer: expect.stringMatching(/^I am a chatbot/) as unknown, phrasings: [] }]);
  });

  it('reports every entry as new, to be given phrasings', () => {
    expect(report.added).toEqual(report.file.entries.map((e) => e.id));
    expect(report.changed).toEqual([]);
    expect(report.removed).toEqual([]);
  });
});

describe('importSource on a small export', () => {
  const { file } = importFile(SMALL);

  it('merges a question asked twice into one entry that gives both answers, in order', () => {
    expect(entry(file, 'recovery-plan').answer).toBe('Our recovery plan covers every region we run in.\n\nLink to download the plan: https://example.com/plan.pdf');
  });

  it('merges answers that differ only in ’ and \' into one entry that lists the other question under `also`', () => {
    const patch = entry(file, 'patch-window');
    expect(patch.answer).toBe('We don’t stop the service for patches.');
    expect(patch.also).toEqual([{ topic: 'Security', question: 'Patching / Downtime' }]);
  });

  it('makes ids of the first words of each question, without quotes', () => {
    expect(file.entries.map((e) => e.id)).toEqual(['recovery-plan', 'patch-window', 'allowlisting', 'hard-down-outages']);
  });

  it('writes a data file that the line can load once each entry has phrasings', () => {
    const faq = buildFaq(formatFaqFile(withPhrasings(file)), 'imported.yaml');
    expect(faq.entries.map((e) => e.question)).toEqual(['Recovery Plan', 'Patch Window', 'Allowlisting', '"Hard Down" Outages']);
    expect(faq.topics.map((t) => t.name)).toEqual(['Continuity', 'Security']);
  });
});

describe('importSource with the previous data file', () => {
  const previous = withPhrasings(importFile(SMALL).file);
  const next = [
    'TOPIC: Continuity\nQUESTION: Recovery Plan\nANSWER: Our recovery plan covers every region we run in.',
    'TOPIC: Continuity\nQUESTION: Recovery Plan\nANSWER: Link to download the plan: https://example.com/plan-v2.pdf',
    'TOPIC: Continuity\nQUESTION: Patch Window\nANSWER: We don’t stop the service for patches.',
    'TOPIC: Security\nQUESTION: Patching / Downtime\nANSWER: We don\'t stop the service for patches.',
    'TOPIC: Security\nQUESTION: Insurance\nANSWER: We carry cyber insurance.',
  ].join('\n\n');
  const report = importText(next, previous);

  it('keeps the id and phrasings of an unchanged entry', () => {
    expect(entry(report.file, 'patch-window')).toEqual(entry(previous, 'patch-window'));
  });

  it('reports an entry whose answer changed, and keeps its phrasings', () => {
    expect(report.changed).toEqual(['recovery-plan']);
    expect(entry(report.file, 'recovery-plan').answer).toContain('plan-v2.pdf');
    expect(entry(report.file, 'recovery-plan').phrasings).toEqual(sixPhrasings('recovery-plan'));
  });

  it('reports a new question as a new id with no phrasings yet', () => {
    expect(report.added).toEqual(['insurance']);
    expect(entry(report.file, 'insurance').phrasings).toEqual([]);
  });

  it('reports the ids of entries the export no longer has, and drops them', () => {
    expect(report.removed).toEqual(['allowlisting', 'hard-down-outages']);
    expect(report.file.entries.map((e) => e.id)).toEqual(['recovery-plan', 'patch-window', 'insurance']);
  });

  it('keeps the previous name, apology and small talk', () => {
    expect(report.file.name).toBe(previous.name);
    expect(report.file.smalltalk).toEqual(previous.smalltalk);
  });

  it('gives a question its own new entry when its answer no longer matches the entry it was merged into', () => {
    const split = importText(
      'TOPIC: Continuity\nQUESTION: Patch Window\nANSWER: We don’t stop the service for patches.\n\n' +
        'TOPIC: Security\nQUESTION: Patching / Downtime\nANSWER: Downtime is announced a week ahead.',
      previous,
    );
    const ids = split.file.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(entry(split.file, 'patch-window').phrasings).toEqual(sixPhrasings('patch-window'));
    expect(split.added).toHaveLength(1);
    expect(split.file.entries.find((e) => e.id === split.added[0])?.answer).toBe('Downtime is announced a week ahead.');
  });
});

describe('updateEntries: an import edits the main file in place', () => {
  const bundled = readFileSync(path.resolve(repoRoot, 'faq-data/faq.yaml'), 'utf8');
  /** The bundled entries as the import reads them: their phrasings are kept in phrasings.yaml. */
  const previous: FaqFile = {
    ...withPhrasings(importFile(SEED).file),
    entries: (parse(bundled) as { entries: FaqFileEntry[] }).entries.map((e) => ({ ...e, also: e.also ?? [], phrasings: [] })),
  };
  const imported = importFile(SEED, previous).file.entries;
  const idsOf = (text: string) => (parse(text) as { entries: FaqFileEntry[] }).entries.map((e) => e.id);

  it('gives back the text unchanged, comments and all, when the export changes nothing', () => {
    expect(updateEntries(bundled, imported, { phrasings: false })).toBe(bundled);
  });

  it('changes only the line of a changed answer, keeping comments and the other entries as written', () => {
    const commented = bundled.replace('\nentries:\n', '\n# the questions, in the order texters see them\nentries:\n');
    const entries = imported.map((e) => (e.id === 'insurance' ? { ...e, answer: 'We are insured.' } : e));
    const after = updateEntries(commented, entries, { phrasings: false });
    const changed = after.split('\n').filter((line, i) => line !== commented.split('\n')[i]);
    expect(changed).toEqual(['    answer: We are insured.']);
    expect(after).toContain('# the questions, in the order texters see them');
  });

  it('adds a new entry at its place, with no phrasings when they are kept beside the file, and drops a removed one', () => {
    const [first, ...rest] = imported;
    const added = { id: 'office-pets', topic: 'Cloud Security', question: 'Office pets', also: [], answer: 'Dogs are welcome.', phrasings: [] };
    const after = updateEntries(bundled, [...rest, added], { phrasings: false });
    expect(idsOf(after)).toEqual([...rest.map((e) => e.id), 'office-pets']);
    expect(idsOf(after)).not.toContain(first?.id);
    expect(after).toContain('  - id: office-pets\n    topic: Cloud Security\n    question: Office pets\n    answer: Dogs are welcome.\n');
  });

  it('removes the phrasings of removed entries from phrasings.yaml and nothing else', () => {
    const text = '# how people ask\nentries:\n  # kept\n  kept: [a, b, c, d, e, f]\n  gone: [a, b, c, d, e, f]\n';
    expect(removePhrasings(text, ['gone'])).toBe('# how people ask\nentries:\n  # kept\n  kept: [a, b, c, d, e, f]\n');
    expect(removePhrasings(text, [])).toBe(text);
  });
});
