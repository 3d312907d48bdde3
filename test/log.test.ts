import { describe, expect, it } from 'vitest';
import { createLogger, maskPhone } from '../src/log.js';

/** A logger writing parsed lines into an array. */
function capture(): { lines: Record<string, unknown>[]; logger: ReturnType<typeof createLogger> } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
  return { lines, logger };
}

describe('maskPhone', () => {
  it('keeps only the last 4 digits of an E.164 number', () => {
    expect(maskPhone('+14155551567')).toBe('+*******1567');
    expect(maskPhone('+447700900123')).toBe('+********0123');
  });

  it('keeps a channel prefix such as whatsapp:', () => {
    expect(maskPhone('whatsapp:+14155551567')).toBe('whatsapp:+*******1567');
  });

  it('hides all but the last 4 digits of a short number too', () => {
    expect(maskPhone('+12345678')).toBe('+****5678');
    expect(maskPhone('12345678')).toBe('****5678');
  });

  it('masks anything that is not a phone number entirely', () => {
    expect(maskPhone('client:alice')).toBe('[masked]');
    expect(maskPhone('12345')).toBe('[masked]');
  });
});

describe('the logger', () => {
  it('masks phone numbers under from, From and Caller, at any depth it is told about', () => {
    const { lines, logger } = capture();
    logger.child({ from: '+14155551567' }).info({ body: { From: '+14155551567', Caller: '+14155551567' } }, 'x');
    expect(lines[0]).toMatchObject({ from: '+*******1567', body: { From: '+*******1567', Caller: '+*******1567' } });
  });

  it('masks them one level down without changing the object it was given', () => {
    const { lines, logger } = capture();
    const fields = { From: '+14155551567', Body: 'hi' };
    logger.info({ fields, channel: 'sms', parts: 1 }, 'x');
    expect(lines[0]).toMatchObject({ fields: { From: '+*******1567', Body: 'hi' }, channel: 'sms', parts: 1 });
    expect(fields.From).toBe('+14155551567');
  });

  it('redacts the auth token and the signature header', () => {
    const { lines, logger } = capture();
    logger.info({ config: { twilioAuthToken: 'tok' }, req: { headers: { 'x-twilio-signature': 'sig' } } }, 'x');
    expect(JSON.stringify(lines)).not.toMatch(/"tok"|"sig"/);
    expect(lines[0]).toMatchObject({ config: { twilioAuthToken: '[redacted]' } });
  });

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn' }, { write: (s: string) => void lines.push(s) });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines).toHaveLength(1);
  });
});
