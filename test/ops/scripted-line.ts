import type { Reply } from '../../src/dialog/reply.js';
import type { Line } from '../../src/line.js';
import { realLine } from '../helpers/app.js';

/**
 * A line over the real FAQ whose replies are chosen by the text, so a test knows each turn's outcome:
 * "answer <n> <score>", "apology <score>", "clarify", anything else is help.
 */
export async function scriptedLine(): Promise<Line> {
  const real = await realLine();
  const { faq } = real;
  const entry = (n: string | undefined) => faq.entries[Number(n) - 1] ?? faq.entries[0]!;
  return {
    ...real,
    reply({ text }): Reply {
      const [kind, a, b] = text.split(' ');
      if (kind === 'answer') return { kind: 'answer', entry: entry(a), score: Number(b) };
      if (kind === 'apology') return a ? { kind: 'apology', nearest: { entry: entry('1'), score: Number(a) } } : { kind: 'apology' };
      if (kind === 'clarify') return { kind: 'clarify', options: [entry('1'), entry('2')] };
      return { kind: 'help' };
    },
  };
}
