import { parentPort } from 'node:worker_threads';
import type { Faq } from '../faq/model.js';
import { buildIndex, type ClassifierIndex } from '../nlu/classifier.js';

/**
 * The model worker's body (see model-worker.ts): build the classifier's index of the FAQ it is sent
 * (read every text with wink-nlp, train the model) and post it back. This is the work that takes
 * seconds for a large FAQ; here it never holds up the thread answering webhooks.
 */
export interface BuildRequest {
  readonly faq: Faq;
}

export type BuildResult = { readonly ok: true; readonly index: ClassifierIndex } | { readonly ok: false; readonly message: string };

function build({ faq }: BuildRequest): BuildResult {
  try {
    return { ok: true, index: buildIndex(faq, faq.understanding) };
  } catch (err) {
    return { ok: false, message: (err as Error)?.message ?? String(err) };
  }
}

parentPort?.once('message', (request: BuildRequest) => parentPort?.postMessage(build(request)));
