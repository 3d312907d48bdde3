/** Figures as words, so every voice reads them the same way: "99.95" -> "ninety-nine point nine five". */

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: ReadonlyArray<readonly [number, string]> = [
  [1_000_000_000, 'billion'],
  [1_000_000, 'million'],
  [1_000, 'thousand'],
];

/** 0 .. 99 */
function belowHundred(n: number): string {
  if (n < 20) return ONES[n] ?? '';
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return n % 10 ? `${tens}-${ONES[n % 10]}` : tens;
}

/** 0 .. 999 */
function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!hundreds) return belowHundred(rest);
  return rest ? `${ONES[hundreds]} hundred ${belowHundred(rest)}` : `${ONES[hundreds]} hundred`;
}

/** A whole number as words: 800 -> "eight hundred", 1250 -> "one thousand two hundred fifty". */
export function integerWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return String(n);
  if (n >= 1_000_000_000_000) return String(n).split('').map((d) => ONES[Number(d)]).join(' ');
  const words: string[] = [];
  let rest = n;
  for (const [size, name] of SCALES) {
    if (rest >= size) {
      words.push(`${belowThousand(Math.floor(rest / size))} ${name}`);
      rest %= size;
    }
  }
  if (rest || words.length === 0) words.push(belowThousand(rest));
  return words.join(' ');
}

/** A year as people say it: 2020 -> "twenty twenty", 2005 -> "two thousand five", 1900 -> "nineteen hundred". */
export function yearWords(year: number): string {
  const century = Math.floor(year / 100);
  const rest = year % 100;
  if (year >= 2000 && year < 2010) return integerWords(year);
  if (rest === 0) return `${belowHundred(century)} hundred`;
  return `${belowHundred(century)} ${rest < 10 ? `oh ${ONES[rest]}` : belowHundred(rest)}`;
}

/**
 * A figure as written ("800", "99.95", "1,000", "007") as words. Leading zeros and long digit runs
 * (an ID, not a quantity) are read digit by digit; decimals are read digit by digit after "point".
 */
export function figureWords(figure: string): string {
  const plain = figure.replace(/,(?=\d{3}\b)/g, '');
  const [whole = '', fraction] = plain.split('.');
  const digits = (s: string): string => s.split('').map((d) => ONES[Number(d)] ?? d).join(' ');
  const head = (whole.length > 1 && whole.startsWith('0')) || whole.length > 12 ? digits(whole) : integerWords(Number(whole));
  return fraction ? `${head} point ${digits(fraction)}` : head;
}
