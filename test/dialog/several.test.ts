import { describe, expect, it } from 'vitest';
import { splitQuestions } from '../../src/dialog/several.js';

describe('several questions in one message', () => {
  it.each([
    ['where are backups kept? and is there insurance', ['where are backups kept', 'is there insurance']],
    ['what is the rto and um how do you handle outages', ['what is the rto', 'how do you handle outages']],
    // A speech transcript has no punctuation: a question word with its verb after a content word starts a new question.
    ['where is the status page what is the disaster recovery plan', ['where is the status page', 'what is the disaster recovery plan']],
    ['can you whitelist my ip how do i check for outages', ['can you whitelist my ip', 'how do i check for outages']],
  ])('cuts %j where each question starts', (text, parts) => {
    expect(splitQuestions(text)).toEqual(parts);
  });

  it.each([
    'what insurance policies does twilio have',
    'i want to know how do you handle outages',
    'tell me what is the recovery time objective',
    'what is the rto and rpo',
    'explain how do you keep tenants apart',
  ])('keeps one question whole: %s', (text) => {
    expect(splitQuestions(text)).toEqual([text]);
  });
});
