import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineError } from '../../src/errors.js';
import { loadFaq } from '../../src/faq/load.js';
import { parseLanguages } from '../../src/faq/languages.js';
import { faqYaml, repoRoot } from '../fixtures/faq/faq-yaml.js';

function errorOf(yamlText: string): LineError {
  try {
    parseLanguages(yamlText, 'faq-data/languages.yaml');
  } catch (err) {
    if (err instanceof LineError) return err;
    throw err;
  }
  throw new Error('expected parseLanguages to throw a LineError');
}

/** A folder holding faq.yaml (and languages.yaml when given); the path of faq.yaml. */
function folder(languages?: string, faqExtra = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'faq-languages-'));
  writeFileSync(path.join(dir, 'faq.yaml'), faqYaml([{ id: 'first-entry' }]) + faqExtra);
  if (languages !== undefined) writeFileSync(path.join(dir, 'languages.yaml'), languages);
  return path.join(dir, 'faq.yaml');
}

describe('languages.yaml', () => {
  it('gives the real FAQ an apology in each of the ten languages', async () => {
    const faq = await loadFaq(path.resolve(repoRoot, 'faq-data/faq.yaml'));
    expect(Object.keys(faq.languages).sort()).toEqual(['ar', 'de', 'es', 'fr', 'hi', 'it', 'ja', 'pt', 'ru', 'zh']);
    expect(faq.languages.es?.apology).toMatch(/^Lo siento, solo puedo responder preguntas en inglés/);
  });

  it('names the file, the language and the field of an empty apology', () => {
    const err = errorOf('es:\n  apology: "  "\n');
    expect(err.code).toBe('FAQ_INVALID');
    expect(err.message).toBe('faq-data/languages.yaml: language "es", field "apology": must not be empty');
  });

  it('names a language without an apology', () => {
    expect(errorOf('fr:\n  voice: Polly.Celine\n').message).toMatch(/^faq-data\/languages.yaml: language "fr", field "apology": /);
  });

  it('explains what a language code must look like', () => {
    expect(errorOf('spanish:\n  apology: Lo siento.\n').message).toContain('must be a two-letter ISO 639-1 code like "es"');
  });

  it('rejects a misspelt field and a malformed locale', () => {
    expect(errorOf('de:\n  apology: Entschuldigung.\n  voise: Polly.Marlene\n').message).toMatch(/language "de".*voise/);
    expect(errorOf('de:\n  apology: Entschuldigung.\n  locale: German\n').message).toContain('language "de", field "locale": must be a language tag like "es-ES"');
  });

  it('reports a YAML syntax error as FAQ_SYNTAX naming the file', () => {
    const err = errorOf('es:\n  apology: [unclosed\n');
    expect(err.code).toBe('FAQ_SYNTAX');
    expect(err.message).toMatch(/^faq-data\/languages.yaml: /);
  });

  it('stops loading the FAQ when the file beside it is invalid, naming it', async () => {
    const faqFile = folder('it:\n  apology: ""\n');
    await expect(loadFaq(faqFile)).rejects.toMatchObject({
      code: 'FAQ_INVALID',
      message: `${path.join(path.dirname(faqFile), 'languages.yaml')}: language "it", field "apology": must not be empty`,
    });
  });

  it('loads an FAQ without the file, with no apologies for other languages', async () => {
    expect((await loadFaq(folder())).languages).toEqual({});
  });

  it('takes the apologies from faq.yaml itself when the FAQ keeps everything in one file', async () => {
    const faq = await loadFaq(folder(undefined, 'languages:\n  de:\n    apology: Entschuldigung, nur auf Englisch.\n'));
    expect(faq.languages.de?.apology).toBe('Entschuldigung, nur auf Englisch.');
  });

  it('rejects apologies given both in faq.yaml and in languages.yaml', async () => {
    const faqFile = folder('de:\n  apology: Entschuldigung.\n', 'languages:\n  de:\n    apology: Entschuldigung.\n');
    await expect(loadFaq(faqFile)).rejects.toMatchObject({ code: 'FAQ_INVALID', message: expect.stringContaining('field "languages": is also given in') as unknown });
  });
});
