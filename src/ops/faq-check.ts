import { parentPort } from 'node:worker_threads';
import { LineError } from '../errors.js';
import { buildFaqSet } from '../faq/build.js';
import type { FaqTexts } from '../faq/files.js';
import type { Faq } from '../faq/model.js';

/**
 * The worker's body (see faq-worker.ts): parse and validate the texts of the FAQ's files (what the
 * serving thread read) and post whether together they are a valid FAQ, and the FAQ when it is (so the serving thread need not parse it again). The YAML parse is where a bad file costs minutes, so
 * it happens here, off the serving thread; only a valid FAQ's classifier is built on the serving thread.
 */
export interface CheckRequest {
  readonly id: number;
  readonly texts: FaqTexts;
}

export type CheckResult = { readonly id?: number } & (
  | { readonly ok: true; readonly entries: number; readonly faq: Faq }
  | { readonly ok: false; readonly code: string | undefined; readonly message: string; readonly hint: string | undefined }
);

function check({ id, texts }: CheckRequest): CheckResult {
  try {
    const faq = buildFaqSet(texts);
    return { id, ok: true, entries: faq.entries.length, faq };
  } catch (err) {
    if (err instanceof LineError) return { id, ok: false, code: err.code, message: err.message, hint: err.hint };
    return { id, ok: false, code: undefined, message: (err as Error)?.message ?? String(err), hint: undefined };
  }
}

// a worker serves one check at a time; faq-worker.ts ends it after each (an idle one holds ~30 MB)
parentPort?.on('message', (request: CheckRequest) => parentPort?.postMessage(check(request)));
