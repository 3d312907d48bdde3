import { describe, expect, it } from 'vitest';
import { createSmsRenderer } from '../../src/render/sms.js';
import { entryOf, sampleFaq } from './sample-faq.js';

describe("a line's SMS renderer keeps what it rendered", () => {
  const faq = sampleFaq();
  const renderSmsTwiml = createSmsRenderer(faq);
  const entry = entryOf(faq, 'backup-zones');

  it('gives the same rendering for the same answer, whatever the score', () => {
    const first = renderSmsTwiml({ kind: 'answer', entry, score: 0.6 });
    expect(renderSmsTwiml({ kind: 'answer', entry, score: 0.9 })).toBe(first);
    expect(Object.isFrozen(first.messages)).toBe(true);
  });

  it('renders an apology the same whichever entry was the nearest miss', () => {
    const plain = renderSmsTwiml({ kind: 'apology' });
    expect(renderSmsTwiml({ kind: 'apology', nearest: { entry, score: 0.2 } })).toBe(plain);
  });

  it('renders afresh for another FAQ with the same entry ids', () => {
    const other = sampleFaq();
    const mine = renderSmsTwiml({ kind: 'answer', entry, score: 1 });
    const theirs = createSmsRenderer(other)({ kind: 'answer', entry: entryOf(other, 'backup-zones'), score: 1 });
    expect(theirs).not.toBe(mine);
    expect(theirs).toEqual(mine);
  });

  it('renders each clarification from its own options', () => {
    const a = entryOf(faq, 'business-continuity-plan');
    const b = entryOf(faq, 'legal-language-for-bcp');
    const ab = renderSmsTwiml({ kind: 'clarify', options: [a, b] }).messages[0];
    const ba = renderSmsTwiml({ kind: 'clarify', options: [b, a] }).messages[0];
    expect(ab).not.toEqual(ba);
  });
});
