import { describe, expect, it } from 'vitest';
import { keywordOf } from '../../src/dialog/keywords.js';

describe('keywordOf', () => {
  it('ignores case, spaces and a final full stop or exclamation mark', () => {
    expect(keywordOf('  Stop!! ')).toBe('opt-out');
    expect(keywordOf('HELP.')).toBe('help');
  });

  it('does not treat a longer message that starts with a keyword as the keyword', () => {
    expect(keywordOf('stop it')).toBeUndefined();
    expect(keywordOf('help me find the bcp')).toBeUndefined();
  });

  it('does not treat a word that contains a keyword as the keyword', () => {
    expect(keywordOf('stopped')).toBeUndefined();
    expect(keywordOf('yesterday')).toBeUndefined();
  });

  it('reads a lone question mark as a request for help', () => {
    expect(keywordOf('?')).toBe('help');
  });
});
