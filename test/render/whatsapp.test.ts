import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/dialog/reply.js';
import { renderWhatsAppTwiml } from '../../src/render/whatsapp.js';
import { expectGolden } from './golden.js';
import { entryOf, SAMPLE_ENTRIES, sampleFaq, sentences } from './sample-faq.js';

const faq = sampleFaq();
const longFaq = sampleFaq([...SAMPLE_ENTRIES, { id: 'long-answer', topic: 'Cloud Security', question: 'A long answer', answer: sentences(2000) }]);
const cloud = faq.topics.find((t) => t.name === 'Cloud Security');

const cases: Array<[string, Reply, typeof faq]> = [
  ['whatsapp-answer.xml', { kind: 'answer', entry: entryOf(faq, 'business-continuity-plan'), score: 0.8 }, faq],
  ['whatsapp-answer-two-parts.xml', { kind: 'answer', entry: entryOf(longFaq, 'long-answer'), score: 0.8 }, longFaq],
  ['whatsapp-help.xml', { kind: 'help' }, faq],
  ['whatsapp-topic.xml', { kind: 'topic', topic: cloud ?? faq.topics[0]! }, faq],
];

describe('renderWhatsAppTwiml', () => {
  it.each(cases)('renders %s exactly as its golden file', (name, reply, data) => {
    expectGolden(name, renderWhatsAppTwiml(reply, data).twiml);
  });

  it('keeps the curly apostrophe WhatsApp can show (no GSM-7 transliteration)', () => {
    expect(renderWhatsAppTwiml(cases[0]![1], faq).messages).toEqual(['Twilio’s platform runs in several AWS regions. See https://status.twilio.com/ for its status.']);
  });

  it('sends a 2,000-character answer as a full first part of at most 1,600 characters and the rest, unnumbered', () => {
    const { messages } = renderWhatsAppTwiml(cases[1]![1], longFaq);
    expect(messages).toHaveLength(2);
    expect(messages[0]!.length).toBeLessThanOrEqual(1600);
    expect(messages[0]!.length).toBeGreaterThan(1500);
    for (const m of messages) expect(m).not.toMatch(/\(\d\/\d\)/);
  });
});
