import model from 'wink-eng-lite-web-model';

let words: ReadonlySet<string> | undefined;

/**
 * The words of wink-nlp's English lexicon (wink-eng-lite-web-model: 84,714 words of plain letters,
 * from web text, technical words included: "compliant", "uptime", "thx"). Few everyday words of
 * other languages are in it ("que", "los", "gracias", "merci", "nicht" are not). Read once, on
 * first use, from the model's own lexeme list: about 11 MB kept, and the unpacked model is dropped.
 */
function loadWords(): ReadonlySet<string> {
  const lexeme = ((model as unknown as { core: () => unknown }).core() as { features: { lexeme: { list: string[]; intrinsicSize: number } } }).features.lexeme;
  const set = new Set<string>();
  for (let i = 0; i < lexeme.intrinsicSize; i++) {
    const word = lexeme.list[i];
    if (word !== undefined && /^[a-z]+$/.test(word)) set.add(word);
  }
  return set;
}

/** Whether a lower-case word is in the English lexicon. */
export function isEnglishWord(word: string): boolean {
  words ??= loadWords();
  return words.has(word);
}
