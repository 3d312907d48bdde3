import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { TOKEN, voiceApp } from './app.js';
import { SimulatedCall } from './call.js';

describe('voice logs and metrics', () => {
  it('writes one log line per webhook, bound to the CallSid, with the caller masked and the words kept', async () => {
    const t = await voiceApp();
    const [call] = await SimulatedCall.dial(t.app, { token: TOKEN });
    await call.say('do you have insurance');
    const lines = t.logs.filter((l) => l.msg === 'voice');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.outcome)).toEqual(['welcome', 'answered']);
    expect(lines[1]).toMatchObject({ channel: 'voice', callSid: 'CA0123456789abcdef0123456789abcdef', entry: 'insurance', speech: 'do you have insurance', confidence: 0.92, turn: 1 });
    expect(lines[1]!.from).toBe('+*******1567');
  });

  it('keeps what callers say out of the log with LOG_UTTERANCES=false', async () => {
    const t = await voiceApp({ LOG_UTTERANCES: 'false' });
    const [call] = await SimulatedCall.dial(t.app, { token: TOKEN });
    await call.say('do you have insurance');
    expect(JSON.stringify(t.logs)).not.toContain('do you have insurance');
  });

  it('counts each voice turn in the metrics by outcome', async () => {
    const t = await voiceApp();
    const [call] = await SimulatedCall.dial(t.app, { token: TOKEN });
    await call.say('what is the best pizza in naples');
    await call.say('goodbye');
    const metrics = (await request(t.app).get('/metrics')).text;
    for (const outcome of ['welcome', 'apology', 'goodbye']) expect(metrics).toMatch(new RegExp(`channel="voice",outcome="${outcome}"\\} 1`));
  });
});
