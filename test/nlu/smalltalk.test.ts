import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SmallTalkId } from '../../src/faq/schema.js';
import { loadFaq } from '../../src/faq/load.js';
import { createSmallTalkMatcher } from '../../src/nlu/smalltalk.js';
import { repoRoot } from '../fixtures/faq/faq-yaml.js';

let smallTalk: (text: string) => SmallTalkId | undefined;

beforeAll(async () => {
  const faq = await loadFaq(path.resolve(repoRoot, 'faq-data/faq.yaml'));
  smallTalk = createSmallTalkMatcher(faq.smalltalk.values());
});

describe('small talk with the real FAQ', () => {
  it.each([
    ['hi', 'greeting'],
    ['Hello!', 'greeting'],
    ['who are you?', 'greeting'],
    ['thx', 'thanks'],
    ['thanks a lot', 'thanks'],
    ['Thank you!!', 'thanks'],
    ['bye', 'goodbye'],
    ['ok thanks bye', 'goodbye'],
    ['thanks, bye', 'goodbye'],
    ['ok thanks a lot', 'thanks'],
  ] as const)('recognises %j as %s', (text, id) => {
    expect(smallTalk(text)).toBe(id);
  });

  it.each(['hi where are backups stored', 'thanks, where is the bcp', 'ok', '', '!!!', 'hi hi hi hi hi hi hi'])('leaves %j to the classifier', (text) => {
    expect(smallTalk(text)).toBeUndefined();
  });
});

describe('createSmallTalkMatcher', () => {
  const match = createSmallTalkMatcher([
    { id: 'greeting', answer: 'Hi!', phrasings: ['hi', 'hello there'] },
    { id: 'thanks', answer: 'You are welcome.', phrasings: ['thanks', 'thanks there'] },
  ]);

  it('decides nothing on a word several kinds of small talk share', () => {
    expect(match('there')).toBeUndefined();
    expect(match('hi there')).toBe('greeting');
  });
});

describe('filler words in small talk', () => {
  const match = createSmallTalkMatcher([
    { id: 'thanks', answer: 'You are welcome.', phrasings: ['thanks', 'ok great'] },
    { id: 'goodbye', answer: 'Bye!', phrasings: ['bye', 'see you'] },
  ]);

  it('still matches a phrasing made of filler words exactly', () => {
    expect(match('OK great!')).toBe('thanks');
  });

  it('ignores filler words around a pleasantry', () => {
    expect(match('oh ok bye')).toBe('goodbye');
  });

  it('matches nothing for filler words alone', () => {
    expect(match('ok so')).toBeUndefined();
  });
});
