import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/dialog/reply.js';
import { buildFaq } from '../../src/faq/build.js';
import { loadFaq } from '../../src/faq/load.js';
import type { Faq } from '../../src/faq/model.js';
import { createLine, understandingOf, type Line } from '../../src/line.js';
import { decideText } from '../../src/dialog/text-turn.js';
import { faqYaml, insurance, repoRoot, type EntrySpec } from '../fixtures/faq/faq-yaml.js';

let faq: Faq;
let line: Line;
const reply = (text: string, numMedia = 0): Reply => line.reply({ text, numMedia });

beforeAll(async () => {
  faq = await loadFaq(path.resolve(repoRoot, 'faq-data/faq.yaml'));
  line = createLine(faq);
});

describe('carrier keywords', () => {
  it.each(['STOP', 'stop', 'Stop.', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', '  stop!  '])(
    'stays silent on the opt-out keyword %j',
    (text) => {
      expect(reply(text)).toEqual({ kind: 'silent', reason: 'opt-out' });
    },
  );

  it.each(['START', 'YES', 'UNSTOP', 'start.'])('stays silent on the opt-in keyword %j', (text) => {
    expect(reply(text)).toEqual({ kind: 'silent', reason: 'opt-in' });
  });

  it('answers a message that only contains a keyword among other words as a question, not as the keyword', () => {
    expect(reply('please stop sending me backups info').kind).not.toBe('silent');
  });
});

describe('help', () => {
  it.each(['HELP', 'info', 'MENU', '', '   ', '?'])('sends the help reply for %j', (text) => {
    expect(reply(text)).toEqual({ kind: 'help' });
  });

  it('sends the help reply for a picture without text', () => {
    expect(reply('', 1)).toEqual({ kind: 'help' });
  });

  it('tells a picture without text (NumMedia) from an empty message by the rule that decided', () => {
    const nlu = understandingOf(faq);
    expect(decideText({ text: '', numMedia: 1 }, faq, nlu)).toEqual({ reply: { kind: 'help' }, rule: 'media without text' });
    expect(decideText({ text: ' ', numMedia: 0 }, faq, nlu)).toEqual({ reply: { kind: 'help' }, rule: 'empty message' });
    expect(decideText({ text: 'Insurance', numMedia: 1 }, faq, nlu)).toMatchObject({ reply: { kind: 'answer', entry: { id: 'insurance' } }, rule: 'classifier' });
  });

  it('sends the help reply for a small-talk help phrasing', () => {
    expect(reply('what can you do')).toEqual({ kind: 'help' });
  });
});

describe('picking from the menu', () => {
  it('answers "1" with entry number 1', () => {
    const r = reply('1');
    expect(r).toMatchObject({ kind: 'answer', entry: { number: 1, id: faq.entries[0]?.id } });
  });

  it('answers "#3" with entry number 3', () => {
    expect(reply('#3')).toMatchObject({ kind: 'answer', entry: { number: 3, id: faq.entries[2]?.id } });
  });

  it('sends the help reply for a number no entry has', () => {
    expect(reply('999')).toEqual({ kind: 'help' });
    expect(reply('0')).toEqual({ kind: 'help' });
  });

  it.each([
    ['a', 'A'],
    ['B', 'B'],
    ['b.', 'B'],
  ])('lists the topic of the letter %j', (text, letter) => {
    expect(reply(text)).toMatchObject({ kind: 'topic', topic: { letter } });
  });

  it('lists a topic named in full, in any case', () => {
    expect(reply('Cloud Security')).toMatchObject({ kind: 'topic', topic: { name: 'Cloud Security' } });
    expect(reply('cloud security')).toMatchObject({ kind: 'topic', topic: { name: 'Cloud Security' } });
  });
});

describe('small talk', () => {
  it.each([
    ['thanks', 'thanks'],
    ['hi', 'greeting'],
    ['bye', 'goodbye'],
    ['ok thanks bye', 'goodbye'],
  ])('answers %j with the %s small talk', (text, id) => {
    expect(reply(text)).toEqual({ kind: 'smalltalk', id });
  });
});

describe('questions', () => {
  it('answers "where are backups stored?" with the backup zones entry', () => {
    expect(reply('where are backups stored?')).toMatchObject({ kind: 'answer', entry: { id: 'backup-zones' } });
  });

  it('answers a question that starts with a greeting', () => {
    expect(reply('hi where are backups stored')).toMatchObject({ kind: 'answer', entry: { id: 'backup-zones' } });
  });

  it('apologises for a question the FAQ does not cover', () => {
    expect(reply("what's the best pizza in new york").kind).toBe('apology');
  });

  it('apologises for nonsense', () => {
    expect(reply('asdfgh qwerty zxcvb').kind).toBe('apology');
  });

  it('gives the same reply to the same message twice', () => {
    expect(reply('is there a disaster recovery plan')).toEqual(reply('is there a disaster recovery plan'));
  });
});

describe('clarifying between two entries', () => {
  const near: EntrySpec[] = [
    {
      id: 'backup-region',
      question: 'Backup region',
      phrasings: ['where are backups kept', 'backup region', 'which region holds backups', 'backups region', 'region of the backups', 'where do backups live'],
    },
    {
      id: 'backup-place',
      question: 'Backup place',
      phrasings: ['where are backups kept', 'backup place', 'which place holds backups', 'backups place', 'place of the backups', 'where do backups live'],
    },
    insurance,
  ];
  const lineWith = (clarifyMargin: number) => createLine(buildFaq(faqYaml(near, { understanding: { threshold: 0.1, clarifyMargin } }), 'near.yaml'));

  it('asks which entry was meant when two entries score within the margin', () => {
    const r = lineWith(0.5).reply({ text: 'where are backups kept', numMedia: 0 });
    expect(r.kind).toBe('clarify');
    if (r.kind !== 'clarify') return;
    expect(r.options.map((e) => e.id).sort()).toEqual(['backup-place', 'backup-region']);
  });

  it('answers without asking when only one entry fits', () => {
    expect(lineWith(0.5).reply({ text: 'what insurance do you carry', numMedia: 0 })).toMatchObject({ kind: 'answer', entry: { id: 'insurance' } });
  });

  it('never asks when the margin is 0', () => {
    expect(lineWith(0).reply({ text: 'where are backups kept', numMedia: 0 }).kind).toBe('answer');
  });
});
