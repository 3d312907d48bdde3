import type { Faq } from './faq/model.js';
import type { Reply, TextInput } from './dialog/reply.js';

/** The line's understanding and decisions for one FAQ, built once at start (or reload). */
export interface Line {
  readonly faq: Faq;
  /** Decide the reply to a texted turn. Pure and deterministic; never throws. */
  reply(input: TextInput): Reply;
}

/** TEMPORARY until src/nlu lands: apologises for everything but HELP. */
export function createLine(faq: Faq): Line {
  return {
    faq,
    reply: (input) => (/^\s*help\s*$/i.test(input.text) ? { kind: 'help' } : { kind: 'apology' }),
  };
}
