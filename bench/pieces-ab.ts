/**
 * A/B of the line's HTTP-path pieces in one process, old (BENCH_OLD_ROOT, an export of an earlier
 * commit) against this tree: the form parser on a real IncomingMessage-like stream, one log line,
 * one request's metrics. Best of 7 batches of N calls (the minimum is what a busy machine disturbs least).
 */
import { Readable } from 'node:stream';
import { pino } from 'pino';

const OLD = process.env.BENCH_OLD_ROOT ?? '';
if (!OLD) throw new Error('set BENCH_OLD_ROOT to an exported tree of the commit to compare with');
const load = async <T>(root: string, path: string): Promise<T> => (await import(`${root}/${path}`)) as T;
const NEW = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

type Handler = (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
const body = new URLSearchParams({
  ToCountry: 'US', ToState: 'CA', SmsMessageSid: 'SM0000000000000000000000000000abcd', NumMedia: '0', ToCity: 'SAN FRANCISCO', FromZip: '94105',
  SmsSid: 'SM0000000000000000000000000000abcd', FromState: 'CA', SmsStatus: 'received', FromCity: 'SAN FRANCISCO', Body: 'hey where are my backups stored?', FromCountry: 'US',
  To: '+14155550100', ToZip: '94105', NumSegments: '1', MessageSid: 'SM0000000000000000000000000000abcd', AccountSid: 'AC00000000000000000000000000000001',
  From: '+14155012345', ApiVersion: '2010-04-01',
}).toString();
const buf = Buffer.from(body);

function fakeReq(): Readable & { headers: Record<string, string>; body?: unknown } {
  const r = new Readable({ read() {} }) as Readable & { headers: Record<string, string>; body?: unknown };
  r.headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(buf.length) };
  r.push(buf);
  r.push(null);
  return r;
}

async function timeAsync(n: number, once: () => Promise<void>): Promise<number> {
  let best = Infinity;
  for (let b = 0; b < 7; b++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await once();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1000 / n);
  }
  return best;
}

async function parserCost(root: string): Promise<number> {
  const { formParser } = await load<{ formParser: (l: string) => Handler }>(root, 'src/http/form.ts');
  const parse = formParser('64kb');
  return timeAsync(5000, () => new Promise<void>((resolve, reject) => {
    const req = fakeReq();
    // body-parser reads req.headers through type-is and on-finished; a plain stream with headers is enough for both
    parse(req, {}, (err) => (err ? reject(err as Error) : resolve()));
  }));
}

async function logCost(root: string): Promise<number> {
  const { createLogger } = await load<{ createLogger: (o: { level: 'info' }, d: unknown) => pino.Logger }>(root, 'src/log.ts');
  const logger = createLogger({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
  const line = { messageSid: 'SM0000000000000000000000000000abcd', channel: 'sms', entry: 'backups', score: 0.812, outcome: 'answered', parts: 1, latencyMs: 0.3, from: '+14155012345', text: 'hey where are my backups stored?' };
  return timeAsync(20000, () => {
    logger.info(line, 'sms');
    return Promise.resolve();
  });
}

async function metricsCost(root: string): Promise<number> {
  const { createMetrics } = await load<{ createMetrics: () => { middleware: Handler } }>(root, 'src/ops/metrics.ts');
  const { EventEmitter } = await import('node:events');
  const m = createMetrics();
  const req = { method: 'POST', route: { path: '/sms' } };
  return timeAsync(20000, () => {
    const res = Object.assign(new EventEmitter(), { statusCode: 200, locals: {} as Record<string, unknown>, req });
    m.middleware(req, res, () => undefined);
    res.locals.turn = { channel: 'sms', outcome: 'answered', entry: 'backups', score: 0.81 };
    res.emit('finish');
    return Promise.resolve();
  });
}

console.log(JSON.stringify({
  metrics: { old: await metricsCost(OLD), new: await metricsCost(NEW) },
  form: { old: await parserCost(OLD), new: await parserCost(NEW) },
  log: { old: await logCost(OLD), new: await logCost(NEW) },
}));
