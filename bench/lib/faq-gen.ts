import { stringify } from 'yaml';
import type { Understanding } from '../../src/faq/schema.js';
import { seeded, type Random } from './random.js';
import { ACTIONS, AREAS, MODIFIERS, NOUNS, SYLLABLES } from './vocab.js';

/**
 * The text of an FAQ data file with `entries` entries, as an editor would write it: varied
 * subjects (modifier + noun), made-up product names shared by a few entries, 6 to 9 phrasings
 * each, answers of two to four sentences. Deterministic for a seed. Feed it to buildFaq() so it is
 * validated like the real file.
 */
export function generateFaqYaml(entries: number, understanding: Partial<Understanding> = {}, seed = 2024): string {
  const rnd = seeded(seed + entries);
  const subjects = shuffle(rnd, MODIFIERS.flatMap((m) => NOUNS.map((n) => [m, n] as const)));
  if (entries > subjects.length) throw new RangeError(`at most ${subjects.length} generated entries`);
  const topicCount = Math.max(4, Math.round(entries / 25));
  const topics = shuffle(rnd, AREAS.flatMap((a) => AREAS.filter((b) => b !== a).map((b) => `${cap(a)} and ${b}`))).slice(0, topicCount);
  const products = Array.from({ length: Math.max(3, Math.round(entries / 5)) }, () => productName(rnd));
  const ids = new Set<string>();
  const list = subjects.slice(0, entries).map(([modifier, noun], i) => {
    const subject = `${modifier} ${noun}`;
    const [verb, verb2, verb3] = rnd.pick(ACTIONS);
    const product = rnd.chance(0.5) ? rnd.pick(products) : undefined;
    const where = product ? `${subject} in ${product}` : subject;
    let id = `${verb.replace(/ /g, '-')}-${modifier}-${noun}`;
    if (ids.has(id)) id += `-${i}`;
    ids.add(id);
    const phrasings = shuffle(rnd, [
      `how do i ${verb} the ${where}`,
      `how can i ${verb2} my ${subject}`,
      `${verb3} ${subject}`,
      `is it possible to ${verb} a ${noun} for ${modifier}`,
      `where do i go to ${verb} the ${subject} settings`,
      `can you ${verb2} the ${modifier} ${noun} for me`,
      `${subject} ${verb} help`,
      `what happens when i ${verb} the ${where}`,
      `i need to ${verb3} our ${subject} today`,
      `steps to ${verb} ${modifier} ${noun}s`,
      `who can ${verb} the ${noun} for ${modifier}`,
    ]).slice(0, 6 + rnd.int(4));
    return {
      id,
      topic: topics[(MODIFIERS.indexOf(modifier) + rnd.int(2)) % topics.length] as string,
      question: `How do I ${verb} the ${where}?`,
      answer: answerFor(rnd, verb, subject, product),
      phrasings,
    };
  });
  return stringify({
    name: `a generated FAQ of ${entries} entries`,
    apology: 'Sorry, that is not in the FAQ.',
    synonyms: { 'single sign on': ['sso', 's s o'], 'application programming interface': ['api'], 'domain name system': ['dns'] },
    understanding,
    smalltalk: [
      { id: 'greeting', answer: 'Hello! Ask me a question.', phrasings: ['hello', 'hi', 'hey there'] },
      { id: 'help', answer: 'I answer questions from the FAQ.', phrasings: ['help', 'what can you do', 'menu'] },
      { id: 'thanks', answer: "You're welcome!", phrasings: ['thanks', 'thank you', 'cheers'] },
      { id: 'goodbye', answer: 'Goodbye!', phrasings: ['bye', 'goodbye', 'see ya'] },
    ],
    entries: list,
  });
}

function answerFor(rnd: Random, verb: string, subject: string, product: string | undefined): string {
  const path = `Settings > ${cap(subject.split(' ')[0] ?? subject)} > ${cap(subject.split(' ')[1] ?? subject)}`;
  const sentences = [
    `To ${verb} the ${subject}${product ? ` in ${product}` : ''}, open ${path} and choose ${cap(verb)}.`,
    `Only workspace owners and admins can ${verb} it; other members can ask an admin.`,
    `Changes take effect within ${1 + rnd.int(59)} minutes and are recorded in the audit history for ${30 + rnd.int(335)} days.`,
    `On the Enterprise plan you can also ${verb} it through the REST API or the command line tool.`,
    `If the option is greyed out, your plan does not include it: contact support at support@example.com.`,
  ];
  return [sentences[0] as string, ...shuffle(rnd, sentences.slice(1)).slice(0, 1 + rnd.int(3))].join(' ');
}

function productName(rnd: Random): string {
  return cap(Array.from({ length: 2 + rnd.int(2) }, () => rnd.pick(SYLLABLES)).join(''));
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function shuffle<T>(rnd: Random, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}
