import { describe, expect, it } from 'vitest';
import { createSoundAlikes } from '../../src/nlu/sound-alike.js';

describe('sound-alike words in speech transcripts', () => {
  const heard = createSoundAlikes(['maintenance', 'maintenance windows', 't-sirt', 'covid', 'multitenancy', 'handles', 'handle', 'data', 'center']);

  it.each([
    ['do you have main tenants windows', 'do you have maintenance windows'],
    ['when is the main tenants window', 'when is the maintenance window'],
    ['what is the tea sirt team', 'what is the t-sirt team'],
    ['co vid response', 'covid response'],
    ['explain multi ten and see', 'explain multitenancy'],
  ])('joins a run that sounds like an FAQ word: %s', (said, meant) => {
    expect(heard(said)).toBe(meant);
  });

  it.each(['how do you handle an outage', 'where is the data center', 'is it a nice day', 'what is your rto'])('leaves ordinary words alone: %s', (said) => {
    expect(heard(said)).toBeUndefined();
  });
});
