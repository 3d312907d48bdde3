/**
 * Where a call is, carried in the <Gather> action URL from turn to turn: no server memory, so any
 * instance can answer the next turn. Twilio signs the URL it calls, so with signature checks on,
 * a caller cannot change it; without them, any value is clamped into range and a bad one ignored.
 */

/** What the keypad means right now. */
export type CallMenu =
  /** The topics, read with numbers; `page` of them when there are more than fit one page. */
  | { readonly kind: 'topics'; readonly page: number }
  /** One topic's questions (`topic` indexes faq.topics). */
  | { readonly kind: 'topic'; readonly topic: number; readonly page: number }
  /** "Did you mean 1) ... or 2) ...?": entry numbers. */
  | { readonly kind: 'clarify'; readonly options: readonly number[] };

export interface CallState {
  /** Turns answered after the greeting. */
  readonly turn: number;
  /** Turns in a row not understood (no match, unclear, a key that does nothing). */
  readonly misses: number;
  /** Turns in a row with no input. */
  readonly silences: number;
  /** Texts sent (or tried) during this call. */
  readonly texts: number;
  /** The entry last answered: "more", "repeat" and "text me that" refer to it. */
  readonly entry?: number;
  /** The page of `entry` still to play, when the answer was paged. */
  readonly page?: number;
  readonly menu?: CallMenu;
}

/** Topics or questions read on one keypad page (keys 1-8; 9 is "more", 0 the topics). */
export const MENU_PAGE = 8;

export const CALL_START: CallState = Object.freeze({ turn: 0, misses: 0, silences: 0, texts: 0 });

const MAX_COUNT = 9999;

/** The state as URL query parameters: `t=3&m=1&e=6&p=1&k=t0.0`. Stable order; defaults left out. */
export function encodeCallState(state: CallState): string {
  const params = new URLSearchParams({ t: String(state.turn) });
  if (state.misses) params.set('m', String(state.misses));
  if (state.silences) params.set('s', String(state.silences));
  if (state.texts) params.set('x', String(state.texts));
  if (state.entry !== undefined) params.set('e', String(state.entry));
  if (state.page !== undefined) params.set('p', String(state.page));
  if (state.menu) params.set('k', encodeMenu(state.menu));
  return params.toString();
}

/** Read the state back from the query; anything missing or malformed falls back to the start's value. */
export function decodeCallState(params: URLSearchParams): CallState {
  const entry = count(params.get('e'));
  const page = count(params.get('p'));
  const menu = decodeMenu(params.get('k') ?? '');
  return {
    turn: count(params.get('t')) ?? 0,
    misses: count(params.get('m')) ?? 0,
    silences: count(params.get('s')) ?? 0,
    texts: count(params.get('x')) ?? 0,
    ...(entry !== undefined && entry >= 1 ? { entry } : {}),
    ...(entry !== undefined && page !== undefined ? { page } : {}),
    ...(menu ? { menu } : {}),
  };
}

function encodeMenu(menu: CallMenu): string {
  switch (menu.kind) {
    case 'topics':
      return `m${menu.page}`;
    case 'topic':
      return `t${menu.topic}.${menu.page}`;
    case 'clarify':
      return `c${menu.options.join('.')}`;
  }
}

function decodeMenu(value: string): CallMenu | undefined {
  const topics = /^m(\d{1,3})$/.exec(value);
  if (topics) return { kind: 'topics', page: Number(topics[1]) };
  const topic = /^t(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (topic) return { kind: 'topic', topic: Number(topic[1]), page: Number(topic[2]) };
  const clarify = /^c(\d{1,4}(?:\.\d{1,4}){0,8})$/.exec(value);
  if (clarify?.[1]) return { kind: 'clarify', options: clarify[1].split('.').map(Number) };
  return undefined;
}

function count(value: string | null): number | undefined {
  if (value === null || !/^\d{1,6}$/.test(value)) return undefined;
  return Math.min(Number(value), MAX_COUNT);
}
