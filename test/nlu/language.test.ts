import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Faq } from '../../src/faq/model.js';
import { loadFaq } from '../../src/faq/load.js';
import { createLanguageGuard, languageGuardOf, type LanguageGuard } from '../../src/nlu/language.js';
import { repoRoot } from '../fixtures/faq/faq-yaml.js';

let faq: Faq;
let guard: LanguageGuard;
beforeAll(async () => {
  faq = await loadFaq(path.resolve(repoRoot, 'faq-data/faq.yaml'));
  guard = languageGuardOf(faq);
});

/**
 * What the line's texters and callers send in English: shorthand, typos, acronyms, speech
 * transcripts, one-word questions. Written for this test, apart from bench/language-set.yaml.
 */
const ENGLISH = [
  'whats ur sla',
  'any downtime rn?',
  'twilio outage??',
  'r my backups safe',
  'how do u handle dr',
  'bcdr docs pls',
  'need ur soc 2',
  'where is data hosted',
  'data senter in eu?',
  'wat region r u in',
  'got insurance?',
  'e n o coverage',
  'cyber liablity insurance',
  'disastor recovery',
  'buisness continuty plan',
  'rto and rpo pls',
  'rpo?',
  'mfa?',
  'sso saml',
  'is there a dpa',
  'gdpr compliant?',
  'hipaa baa',
  'pci',
  'ip whitelist for sip',
  'static ips',
  'media region',
  'us1 vs ie1',
  'ie1 data residency',
  'do u encrypt at rest',
  'tls ver',
  'pen test summary',
  'who is t sirt',
  'sec contact email',
  'status page url',
  'hey is anyone there',
  'hi!',
  'thx a lot',
  'ok cool',
  'k thanks',
  'uh huh',
  "um what's the are pee oh",
  "what's your sla for programmable voice",
  'how long to restore from backup',
  'backup freq',
  'daily backups?',
  'multi region failover',
  'aws outage last week',
  'are you on gcp',
  'azure?',
  'colo?',
  'sendgrid down?',
  'covid policy',
  'wfh policy',
  'pandemic response plan',
  'offices closed?',
  'bay area earthquake',
  'sf quake plan',
  'power outage plan',
  'generator backup',
  'yo twilio',
  'sup bot',
  'lol ok',
  'ttyl',
  'nah',
  'yep',
  'plz help me',
  'human pls',
  'operator pls',
  'pricing?',
  'api docs',
  'webhook failing',
  'error 30007',
  'carrier filtering',
  '10dlc',
  'a2p registration',
  'toll free verification',
  'alpha sender id',
  'is my number ported',
  'main tenants window',
  'eye pee addresses',
  'does plivo have a bcp',
  'my car insurance',
  'STOP',
  'MENU',
  'b',
  '7',
];

/** One FAQ-like question per language, written apart from the benchmark's set. */
const FOREIGN: readonly (readonly [string, string])[] = [
  ['ru', 'Ваш сервис сейчас работает?'],
  ['es', '¿Qué seguro tienen ustedes?'],
  ['pt', 'Onde estão guardados os meus dados?'],
  ['fr', 'Est-ce que vos sauvegardes sont chiffrées ?'],
  ['de', 'Gibt es eine Versicherung gegen Ausfälle?'],
  ['it', 'Dove si trovano i vostri server?'],
  ['zh', '你们的服务器在哪里？'],
  ['ja', 'サーバーはどこにありますか？'],
  ['ar', 'أين توجد خوادمكم؟'],
  ['hi', 'आपके सर्वर कहाँ हैं?'],
];

describe('the language guard', () => {
  it.each(ENGLISH)('takes "%s" as English', (text) => {
    expect(guard(text)).toBeUndefined();
  });

  it('has at least 40 English shorthand, typo and acronym messages to hold', () => {
    expect(ENGLISH.length).toBeGreaterThanOrEqual(40);
  });

  it.each(FOREIGN)('tells %s in "%s"', (language, text) => {
    expect(guard(text)).toBe(language);
  });

  it('tells Russian from its Cyrillic letters even with an English word in it', () => {
    expect(guard('Где хранятся backup данные Twilio?')).toBe('ru');
  });

  it('tells Japanese from kana among Han characters, and Chinese from Han alone', () => {
    expect(guard('保険に加入していますか')).toBe('ja');
    expect(guard('保险')).toBe('zh');
  });

  it('takes a single foreign word in Latin letters as English: too short to tell', () => {
    for (const text of ['hola', 'merci', 'danke', 'ciao', 'obrigado']) expect(guard(text)).toBeUndefined();
  });

  it('says nothing for text without letters', () => {
    for (const text of ['', '   ', '?!', '123 456', '👍👍', '😀 🙏', '¯\\_(ツ)_/¯', '好']) expect(guard(text)).toBeUndefined();
  });

  it('never throws, even when the detector does', () => {
    const broken = createLanguageGuard({
      detect: () => {
        throw new Error('detector failed');
      },
    });
    expect(broken('¿Dónde se guardan las copias de seguridad?')).toBeUndefined();
    expect(broken('Где хранятся резервные копии?')).toBe('ru');
  });

  it('names a language the line has no apology for when the detector is sure of it', () => {
    expect(guard('Waar worden mijn gegevens bewaard?')).toBe('nl');
  });
});
