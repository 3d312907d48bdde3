import { escapeUTF8 } from 'entities';

/** Markup that is already safe: built by `html`, never from raw FAQ or user text. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | undefined | null | false | readonly Part[];

/**
 * The console's only way to make markup: every interpolated value is escaped (text and attribute
 * alike: & < > " ' all become entities) unless it is itself Html. Arrays are joined.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(value: Part): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeUTF8(String(value));
}
