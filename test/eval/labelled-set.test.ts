import { describe, expect, it } from 'vitest';
import { LineError } from '../../src/errors.js';
import { parseLabelledSet } from '../../src/eval/labelled-set.js';

const ids = new Set(['backup-zones', 'insurance']);

function errorOf(yamlText: string): LineError {
  try {
    parseLabelledSet(yamlText, 'sets/tiny.yaml', ids);
  } catch (err) {
    if (err instanceof LineError) return err;
    throw err;
  }
  throw new Error('expected a LineError');
}

describe('parseLabelledSet', () => {
  it('reads in-scope questions with their entry, then out-of-scope ones with their kind', () => {
    const set = parseLabelledSet(
      'in_scope:\n  - expect: insurance\n    text: are you insured\nout_of_scope:\n  - text: best pizza?\n    kind: everyday\n  - text: asdf\n',
      'sets/tiny.yaml',
      ids,
    );
    expect(set).toEqual([{ text: 'are you insured', expect: 'insurance' }, { text: 'best pizza?', kind: 'everyday' }, { text: 'asdf' }]);
  });

  it('rejects an entry id the FAQ does not have, naming the file, the question and the id', () => {
    const err = errorOf('in_scope:\n  - expect: backup-zones\n    text: where are backups\n  - expect: backup-zone\n    text: backups kept where?\n');
    expect(err.code).toBe('FAQ_INVALID');
    expect(err.message).toBe('sets/tiny.yaml: question "backups kept where?" expects "backup-zone", which is not an entry id of the FAQ');
  });

  it('names the path of a malformed item', () => {
    const err = errorOf('in_scope:\n  - text: no label here\n');
    expect(err.message).toMatch(/^sets\/tiny\.yaml: in_scope\.0\.expect: /);
  });

  it('reads an empty file as an empty set', () => {
    expect(parseLabelledSet('in_scope: []\n', 'sets/tiny.yaml', ids)).toEqual([]);
  });
});
