import { loadConfig } from '../../src/config.js';
import type { Faq } from '../../src/faq/model.js';
import { loadFaq } from '../../src/faq/load.js';
import { generateQuestions } from './questions.js';

/** The bundled FAQ (faq-data/faq.yaml, or FAQ_FILE). */
export function bundledFaq(): Promise<Faq> {
  return loadFaq(loadConfig({ FAQ_FILE: process.env.FAQ_FILE ?? '' }).faqFile);
}

/** The questions every webhook case sends: 5,000 distinct texts generated from the bundled FAQ. */
export async function webhookPool(size = 5000): Promise<string[]> {
  return generateQuestions(await bundledFaq(), size, 11);
}
