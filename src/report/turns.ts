/** One webhook turn as the line logged it (a pino JSON line with `channel` and `outcome`). */
export interface LoggedTurn {
  readonly channel: string;
  readonly outcome: string;
  /** The entry answered, or an apology's nearest miss. */
  readonly entry?: string;
  readonly score?: number;
  /** The entries a clarification offered. */
  readonly options?: readonly string[];
  /** What was texted or said; absent when the line ran with LOG_UTTERANCES=false. */
  readonly text?: string;
  /** ISO time of the log line. */
  readonly time?: string;
}

/**
 * The turn a log line records, or undefined for any other line (start-up messages, warnings, text
 * that is not JSON, a pretty-printed log). Never throws.
 */
export function turnOf(line: string): LoggedTurn | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return undefined;
  let record: unknown;
  try {
    record = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (typeof record !== 'object' || record === null) return undefined;
  const r = record as Record<string, unknown>;
  if (typeof r.channel !== 'string' || typeof r.outcome !== 'string') return undefined;
  const text = firstString(r.text, r.speech);
  const options = Array.isArray(r.options) ? r.options.filter((o): o is string => typeof o === 'string') : undefined;
  return {
    channel: r.channel,
    outcome: r.outcome,
    ...(typeof r.entry === 'string' ? { entry: r.entry } : {}),
    ...(typeof r.score === 'number' && Number.isFinite(r.score) ? { score: r.score } : {}),
    ...(options && options.length ? { options } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(typeof r.time === 'string' ? { time: r.time } : {}),
  };
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string');
}
