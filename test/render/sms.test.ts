import { describe, expect, it } from 'vitest';
import { smsMessages, smsTexts } from '../../src/render/sms.js';
import { entryOf, SAMPLE_ENTRIES, sampleFaq, sentences } from './sample-faq.js';

const faq = sampleFaq();
const topic = (name: string) => {
  const found = faq.topics.find((t) => t.name === name);
  if (!found) throw new Error(`no topic ${name}`);
  return found;
};

describe('smsTexts', () => {
  it('answers with the entry’s answer exactly as written', () => {
    const entry = entryOf(faq, 'business-continuity-plan');
    expect(smsTexts({ kind: 'answer', entry, score: 0.9 }, faq)).toEqual([
      'Twilio’s platform runs in several AWS regions. See https://status.twilio.com/ for its status.',
    ]);
  });

  it('apologises with the FAQ’s apology and points to the menu', () => {
    expect(smsTexts({ kind: 'apology' }, faq)).toEqual(["Sorry, I can't answer that. Text MENU to see the topics."]);
  });

  it('asks which of two entries was meant, by number and question', () => {
    const options = [entryOf(faq, 'legal-language-for-bcp'), entryOf(faq, 'business-continuity-plan')];
    expect(smsTexts({ kind: 'clarify', options }, faq)).toEqual([
      'Did you mean 3) Legal language for BCP or 1) Business Continuity Plan? Text the number.',
    ]);
  });

  it('lists three options as "a, b or c"', () => {
    const options = ['backup-zones', 'data-isolation', 'maintenance-windows'].map((id) => entryOf(faq, id));
    expect(smsTexts({ kind: 'clarify', options }, faq)[0]).toBe(
      'Did you mean 2) BCDR backup zones, 5) Customer data isolation / multi-tenancy or 4) Scheduled Maintenance Window? Text the number.',
    );
  });

  it('helps with the help small talk followed by the lettered topics', () => {
    expect(smsTexts({ kind: 'help' }, faq)).toEqual([
      'I answer questions from the Example FAQ. Topics: A) Business Continuity and Disaster Recovery, B) Cloud Security. Text a letter to see its questions.',
    ]);
  });

  it('names the FAQ in the help when the file has no help small talk', () => {
    const bare = sampleFaq(SAMPLE_ENTRIES, []);
    expect(smsTexts({ kind: 'help' }, bare)[0]).toMatch(/^I answer questions from the Example FAQ\. Topics: A\) /);
  });

  it('lists a topic’s questions with their numbers, using the topic’s own wording for an entry listed through "also"', () => {
    expect(smsTexts({ kind: 'topic', topic: topic('Cloud Security') }, faq)).toEqual([
      'Cloud Security: 4) Downtime / Maintenance windows, 5) Customer data isolation / multi-tenancy. Text a number to get its answer.',
    ]);
    expect(smsTexts({ kind: 'topic', topic: topic('Business Continuity and Disaster Recovery') }, faq)[0]).toContain(', 4) Scheduled Maintenance Window.');
  });

  it('answers small talk with its answer, or a plain default when the file lacks it', () => {
    expect(smsTexts({ kind: 'smalltalk', id: 'greeting' }, faq)).toEqual(['Hi! Text me a question.']);
    expect(smsTexts({ kind: 'smalltalk', id: 'goodbye' }, faq)).toEqual(['Goodbye!']);
  });

  it('says nothing to an opt-out or opt-in keyword', () => {
    expect(smsTexts({ kind: 'silent', reason: 'opt-out' }, faq)).toEqual([]);
    expect(smsTexts({ kind: 'silent', reason: 'opt-in' }, faq)).toEqual([]);
  });
});

describe('smsMessages', () => {
  it('normalises to GSM-7 before splitting', () => {
    expect(smsMessages(['Twilio’s “status” page…'])).toEqual(['Twilio\'s "status" page...']);
  });

  it('never gives more than 10 messages in all, however many texts', () => {
    const messages = smsMessages([sentences(9000), sentences(9000), 'last']);
    expect(messages).toHaveLength(10);
    expect(messages.at(-1)).toBe('last');
    expect(messages.every((m) => m.length <= 1600)).toBe(true);
  });
});
