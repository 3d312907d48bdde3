import { z } from 'zod';

/**
 * The FAQ data, as an editor writes it: faq-data/faq.yaml (name, messages, questions and answers), and
 * beside it phrasings.yaml, declines.yaml and understanding.yaml (see faq/files.ts). An FAQ may also keep
 * everything in one file, with the same fields in faq.yaml.
 */

const text = z.string().trim().min(1, 'must not be empty');
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens, like "backup-zones"');

export const sourceQuestionSchema = z.strictObject({ topic: text, question: text });

export const entrySchema = z.strictObject({
  id,
  topic: text,
  question: text,
  /** Other questions of the source that this entry's answer also answers. */
  also: z.array(sourceQuestionSchema).default([]),
  answer: text,
  phrasings: z.array(text).min(6, 'needs at least 6 phrasings of how people ask it'),
});

export const smallTalkIds = ['greeting', 'help', 'thanks', 'goodbye'] as const;
export type SmallTalkId = (typeof smallTalkIds)[number];

export const smallTalkSchema = z.strictObject({
  id: z.enum(smallTalkIds),
  answer: text,
  phrasings: z.array(text).min(3, 'needs at least 3 phrasings'),
});

/** The classifier's calibrated settings (`npm run calibrate` writes them). */
export const understandingSchema = z.strictObject({
  threshold: z.number().min(0).max(1).default(0.5),
  minEvidence: z.number().int().min(0).default(1),
  answerWeight: z.number().min(0).max(1).default(0.5),
  coverageShare: z.number().min(0).max(1).default(0.5),
  foreignWeight: z.number().min(0.1).max(10).default(1),
  /** How much more a noun, name or number the FAQ never uses weighs than another foreign word. */
  foreignNounWeight: z.number().min(0.1).max(10).default(1),
  /** Weight of the model trained on the phrasings in the score (0: word overlap only). */
  linearShare: z.number().min(0).max(1).default(0),
  /** Shared words needed when the question also has words foreign to the entry. */
  foreignEvidence: z.number().int().min(0).max(5).default(2),
  /** Ask which entry was meant when the runner-up scores within this of the best. 0 never asks. */
  clarifyMargin: z.number().min(0).max(0.5).default(0.02),
});

/** The apology for a message in another language (faq-data/languages.yaml). */
export const languageSchema = z.strictObject({
  /** Sent (and spoken) as written: sorry, the line answers questions in English from the FAQ. */
  apology: text,
  /** <Say voice> for the spoken apology, e.g. "Polly.Lucia"; the line's own voice when absent. */
  voice: text.optional(),
  /** <Say language> for the spoken apology, e.g. "es-ES". */
  locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,4})?$/, 'must be a language tag like "es-ES"').optional(),
});

/** Apologies by ISO 639-1 code of the language ("es", "zh"). */
export const languagesSchema = z.record(z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code like "es"'), languageSchema);

export const faqFileSchema = z.strictObject({
  /** How the line names its FAQ to people: "the Twilio FAQ". */
  name: text,
  /** What the line says when the FAQ does not cover a question. */
  apology: text,
  /** Words and phrases that mean the same here: canonical -> variants. */
  synonyms: z.record(z.string(), z.array(text)).default({}),
  understanding: understandingSchema.prefault({}),
  smalltalk: z.array(smallTalkSchema).default([]),
  entries: z.array(entrySchema).min(1, 'needs at least one entry'),
  /**
   * Questions the line must decline (out of scope). The classifier learns them as one more class,
   * and `npm run calibrate` cross-validates over them to set the threshold.
   */
  declines: z.array(text).default([]),
  /** Apologies for messages in other languages; usually kept in languages.yaml beside the FAQ. */
  languages: languagesSchema.optional(),
});

/** phrasings.yaml: how people ask each question, by entry id, and the small talk's phrasings, by small-talk id. */
export const phrasingsFileSchema = z.strictObject({
  synonyms: z.record(z.string(), z.array(text)).optional(),
  smalltalk: z.record(z.string(), z.array(text).min(3, 'needs at least 3 phrasings')).optional(),
  entries: z.record(z.string(), z.array(text).min(6, 'needs at least 6 phrasings of how people ask it')),
});

/** declines.yaml: questions the line must decline, in named groups ("near-miss": [...]). */
export const declinesFileSchema = z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a group name of lowercase words joined by hyphens'), z.array(text).min(1, 'needs at least one question'));

export type PhrasingsFile = z.infer<typeof phrasingsFileSchema>;
export type DeclinesFile = z.infer<typeof declinesFileSchema>;
export type FaqFile = z.infer<typeof faqFileSchema>;
export type FaqFileEntry = z.infer<typeof entrySchema>;
export type Understanding = z.infer<typeof understandingSchema>;
export type SourceQuestion = z.infer<typeof sourceQuestionSchema>;
export type LanguageApology = z.infer<typeof languageSchema>;
