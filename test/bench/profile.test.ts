import { describe, expect, it } from 'vitest';
import { componentOf } from '../../bench/lib/components.js';
import { summarize, type CpuProfile } from '../../bench/lib/profile.js';

const frame = (id: number, functionName: string, url: string, children: number[] = []): CpuProfile['nodes'][number] => ({
  id,
  callFrame: { functionName, url, lineNumber: 0 },
  children,
});

/** root -> handler (src/channels/sms.js) -> hmac (node:internal/crypto) -> native digest; root -> GC; root -> idle. */
const profile: CpuProfile = {
  nodes: [
    frame(1, '(root)', '', [2, 5, 6, 7]),
    frame(2, 'handler', 'file:///app/dist/src/http/signature.js', [3]),
    frame(3, 'Hmac', 'node:internal/crypto/hash', [4]),
    frame(4, 'digest', ''),
    frame(5, '(garbage collector)', ''),
    frame(6, '(idle)', ''),
    frame(7, 'parse', 'file:///app/node_modules/qs/lib/parse.js'),
  ],
  startTime: 0,
  // at 10, 20, 30, 40, 50, 60 µs
  samples: [4, 4, 5, 6, 7, 4],
  timeDeltas: [10, 10, 10, 10, 10, 10],
};

describe('the CPU profile summary', () => {
  it('counts a native helper for the code that called it, and GC on its own', () => {
    const s = summarize(profile);
    expect(s.components.get('signature')).toBe(30);
    expect(s.components.get('GC')).toBe(10);
    expect(s.components.get('body parsing')).toBe(10);
    expect(s.busyUs).toBe(50);
    expect(s.busy).toBeCloseTo(50 / 60);
  });

  it('counts only the samples inside the measured load', () => {
    const s = summarize(profile, 15, 25, 45);
    expect(s.busyUs).toBe(10);
    expect(s.components.get('GC')).toBe(10);
    expect(s.components.get('signature')).toBe(0);
  });

  it('names the parts of a request by where their code lives', () => {
    expect(componentOf('file:///app/node_modules/wink-eng-lite-web-model/dist/porter-stemmer.js', 'stem')).toBe('stemming');
    expect(componentOf('file:///app/node_modules/wink-nlp/src/wink-nlp.js', 'readDoc')).toBe('wink-nlp reading');
    expect(componentOf('file:///app/node_modules/twilio/lib/twiml/TwiML.js', 'toString')).toBe('TwiML');
    expect(componentOf('file:///app/node_modules/twilio/lib/webhooks/webhooks.js', 'validateRequest')).toBe('signature');
    expect(componentOf('file:///app/node_modules/pino/lib/tools.js', 'asJson')).toBe('logging');
    expect(componentOf('file:///app/src/ops/metrics.ts', 'observe')).toBe('metrics');
    expect(componentOf('file:///app/dist/src/nlu/classifier.js', 'classify')).toBe('scoring');
    expect(componentOf('node:_http_server', 'parserOnIncoming')).toBe('Node HTTP and sockets');
    expect(componentOf('node:buffer', 'toString')).toBeUndefined();
  });
});
