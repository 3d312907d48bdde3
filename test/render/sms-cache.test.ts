import { describe, expect, it } from 'vitest';
import { renderSmsTwiml } from '../../src/render/sms.js';
import { entryOf, sampleFaq } from './sample-faq.js';

describe('renderSmsTwiml keeps what it rendered per FAQ', () => {
  const faq = sampleFaq();
  const entry = entryOf(faq, 'backup-zones');

  it('gives the same rendering for the same answer, whatever the score', () => {
    const first = renderSmsTwiml({ kind: 'answer', entry, score: 0.6 }, faq);
    expect(renderSmsTwiml({ kind: 'answer', entry, score: 0.9 }, faq)).toBe(first);
    expect(Object.isFrozen(first.messages)).toBe(true);
  });

  it('renders an apology the same whichever entry was the nearest miss', () => {
    const plain = renderSmsTwiml({ kind: 'apology' }, faq);
    expect(renderSmsTwiml({ kind: 'apology', nearest: { entry, score: 0.2 } }, faq)).toBe(plain);
  });

  it('renders afresh for another FAQ with the same entry ids', () => {
    const other = sampleFaq();
    const mine = renderSmsTwiml({ kind: 'answer', entry, score: 1 }, faq);
    const theirs = renderSmsTwiml({ kind: 'answer', entry: entryOf(other, 'backup-zones'), score: 1 }, other);
    expect(theirs).not.toBe(mine);
    expect(theirs).toEqual(mine);
  });

  it('renders each clarification from its own options', () => {
    const a = entryOf(faq, 'business-continuity-plan');
    const b = entryOf(faq, 'legal-language-for-bcp');
    const ab = renderSmsTwiml({ kind: 'clarify', options: [a, b] }, faq).messages[0];
    const ba = renderSmsTwiml({ kind: 'clarify', options: [b, a] }, faq).messages[0];
    expect(ab).not.toEqual(ba);
  });
});
