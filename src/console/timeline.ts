/** Outcomes that answer a question (as the report counts them); the apology rate is apologies over these. */
const QUESTIONS = new Set(['answered', 'apology', 'clarify']);
const MINUTE = 60_000;
/** Bucket sizes the chart may use: a minute up to a week. */
const SIZES = [1, 5, 15, 60, 180, 360, 1440, 10_080].map((m) => m * MINUTE);

export interface TimelinePoint {
  /** Start of the bucket, ISO. */
  readonly start: string;
  readonly questions: number;
  readonly apologies: number;
}

export interface Timeline {
  readonly bucketMinutes: number;
  readonly points: readonly TimelinePoint[];
}

/** Apology rate over time: question turns counted per minute as they come, merged into at most `maxBuckets` at the end. */
export function createTimeline(): { add(time: string | undefined, outcome: string): void; result(maxBuckets?: number): Timeline } {
  const minutes = new Map<number, { questions: number; apologies: number }>();
  return {
    add(time, outcome) {
      if (time === undefined || !QUESTIONS.has(outcome)) return;
      const t = Date.parse(time);
      if (!Number.isFinite(t)) return;
      const key = Math.floor(t / MINUTE) * MINUTE;
      const m = minutes.get(key) ?? { questions: 0, apologies: 0 };
      m.questions += 1;
      if (outcome === 'apology') m.apologies += 1;
      minutes.set(key, m);
    },
    result(maxBuckets = 24) {
      if (minutes.size === 0) return { bucketMinutes: 1, points: [] };
      const keys = [...minutes.keys()];
      const first = Math.min(...keys);
      const last = Math.max(...keys);
      const size = SIZES.find((s) => Math.floor(last / s) - Math.floor(first / s) < maxBuckets) ?? (SIZES.at(-1) as number);
      const points: { start: number; questions: number; apologies: number }[] = [];
      for (let b = Math.floor(first / size); b <= Math.floor(last / size); b++) points.push({ start: b * size, questions: 0, apologies: 0 });
      const base = Math.floor(first / size);
      for (const [key, m] of minutes) {
        const p = points[Math.floor(key / size) - base];
        if (!p) continue;
        p.questions += m.questions;
        p.apologies += m.apologies;
      }
      return { bucketMinutes: size / MINUTE, points: points.map((p) => ({ ...p, start: new Date(p.start).toISOString() })) };
    },
  };
}
