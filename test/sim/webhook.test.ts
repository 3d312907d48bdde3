import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CookieJar } from '../../src/sim/cookies.js';
import { LineError } from '../../src/errors.js';
import { callFields, smsFields } from '../../src/sim/fields.js';
import { createWebhookClient, type WebhookRequest } from '../../src/sim/webhook.js';
import { twilioSignature } from '../helpers/sign.js';
import { fakeLine, TOKEN, twiml, type FakeLine } from './fake-line.js';

let line: FakeLine | undefined;
afterEach(async () => {
  await line?.close();
  line = undefined;
});

const parties = { from: '+15551234567', to: '+15557654321', accountSid: `AC${'1'.repeat(32)}` };

async function failure(request: Promise<unknown>): Promise<LineError> {
  const err = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LineError);
  return err as LineError;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('smsFields', () => {
  it('has every field Twilio posts for an inbound SMS', () => {
    const fields = smsFields({ ...parties, body: 'Where are backups stored?' });
    expect(Object.keys(fields).sort()).toEqual(
      [
        'AccountSid', 'ApiVersion', 'Body', 'From', 'FromCity', 'FromCountry', 'FromState', 'FromZip', 'MessageSid', 'NumMedia',
        'NumSegments', 'SmsMessageSid', 'SmsSid', 'SmsStatus', 'To', 'ToCity', 'ToCountry', 'ToState', 'ToZip',
      ].sort(),
    );
    expect(fields.MessageSid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fields.SmsSid).toBe(fields.MessageSid);
    expect(fields.SmsMessageSid).toBe(fields.MessageSid);
    expect(fields).toMatchObject({ NumMedia: '0', NumSegments: '1', SmsStatus: 'received', ApiVersion: '2010-04-01', FromCountry: 'US' });
  });

  it('counts the segments of the texted body and sends MessagingServiceSid when given', () => {
    const fields = smsFields({ ...parties, body: 'é’'.repeat(40), messagingServiceSid: `MG${'2'.repeat(32)}` });
    expect(fields.NumSegments).toBe('2');
    expect(fields.MessagingServiceSid).toBe(`MG${'2'.repeat(32)}`);
  });

  it('sends a WhatsApp message as Twilio does: ProfileName and WaId, no location fields, one segment', () => {
    const fields = smsFields({ ...parties, from: 'whatsapp:+14155551567', to: 'whatsapp:+15557654321', body: 'é’'.repeat(40) });
    expect(fields).toMatchObject({ From: 'whatsapp:+14155551567', To: 'whatsapp:+15557654321', WaId: '14155551567', NumSegments: '1', SmsStatus: 'received' });
    expect(fields.ProfileName).toBeTruthy();
    expect(Object.keys(fields).filter((k) => /City|State|Zip|Country/.test(k))).toEqual([]);
  });

  it('leaves location fields empty for numbers it cannot place, as Twilio does', () => {
    expect(smsFields({ ...parties, from: '+447700900123', body: 'x' })).toMatchObject({ FromCity: '', FromZip: '', FromCountry: 'GB' });
  });
});

describe('callFields', () => {
  it('has the call fields Twilio posts for an inbound call', () => {
    const fields = callFields(parties);
    expect(fields).toMatchObject({ Direction: 'inbound', CallStatus: 'ringing', Caller: parties.from, Called: parties.to, ApiVersion: '2010-04-01' });
    expect(fields.CallSid).toMatch(/^CA[0-9a-f]{32}$/);
    for (const side of ['From', 'To', 'Caller', 'Called']) expect(Object.keys(fields)).toContain(`${side}City`);
  });
});

describe('createWebhookClient', () => {
  // Only the test of giving up waits a short time: a busy machine can take more than 0.5 s to answer.
  const send = (request: Omit<WebhookRequest, 'url'> & { path: string }, signing: { token: string | undefined } = { token: TOKEN }, timeoutMs = 10_000) =>
    createWebhookClient({ token: signing.token, cookies: new CookieJar(), timeoutMs })({ ...request, url: `${line?.url ?? ''}${request.path}` });

  it('signs a POST for the exact URL, query included, as Twilio does', async () => {
    let header = '';
    line = await fakeLine((app) =>
      app.post('/sms', (req, res) => {
        header = req.get('x-twilio-signature') ?? '';
        res.type('text/xml').send(twiml(''));
      }),
    );
    const fields = smsFields({ ...parties, body: 'Hi & bye' });
    await send({ path: '/sms?x=1&y=2', method: 'POST', fields });
    expect(header).toBe(twilioSignature(TOKEN, `${line.url}/sms?x=1&y=2`, fields));
    expect(line.received[0]?.signed).toBe(true);
  });

  it('sends no signature without a token', async () => {
    line = await fakeLine((app) => app.post('/sms', (req, res) => res.type('text/xml').send(twiml(`<Message>${req.get('x-twilio-signature') ?? 'none'}</Message>`))));
    const answer = await send({ path: '/sms', method: 'POST', fields: { Body: 'x' } }, { token: undefined });
    expect(answer.body).toContain('<Message>none</Message>');
  });

  it('says what to check when the line answers 403', async () => {
    line = await fakeLine((app) => app.post('/sms', (_req, res) => res.status(403).type('text/plain').send('Twilio signature does not match.\n')));
    const err = await failure(send({ path: '/sms', method: 'POST', fields: {} }));
    expect(err.code).toBe('SIGNATURE_REJECTED');
    expect(err.exitCode).toBe(4);
    expect(err.hint).toContain('TWILIO_AUTH_TOKEN');
    expect(err.hint).toContain('PUBLIC_URL');
    expect(err.hint).toContain(`${line.url}/sms`);
  });

  it('asks for a token when the line wants a signature and none was sent', async () => {
    line = await fakeLine((app) => app.post('/sms', (_req, res) => res.status(400).type('text/plain').send('Missing X-Twilio-Signature header.\n')));
    const err = await failure(send({ path: '/sms', method: 'POST', fields: {} }, { token: undefined }));
    expect(err.code).toBe('SIGNATURE_REJECTED');
    expect(err.hint).toContain('--token');
  });

  it('reports other 4xx and 5xx answers with their status', async () => {
    line = await fakeLine((app) => app.post('/sms', (_req, res) => res.status(500).send('boom')));
    const err = await failure(send({ path: '/sms', method: 'POST', fields: {} }));
    expect(err).toMatchObject({ code: 'HTTP_ERROR', exitCode: 5 });
    expect(err.message).toContain('500');
    const notFound = await failure(send({ path: '/nowhere', method: 'POST', fields: {} }));
    expect(notFound.message).toContain('404');
  });

  it('refuses an answer that is not XML', async () => {
    line = await fakeLine((app) => app.post('/sms', (_req, res) => res.type('text/plain').send('Hello!')));
    const err = await failure(send({ path: '/sms', method: 'POST', fields: {} }));
    expect(err).toMatchObject({ code: 'NOT_TWIML', exitCode: 6 });
  });

  it('tells to start the line when nothing listens locally', async () => {
    const port = await closedPort();
    const err = await failure(createWebhookClient({ token: undefined, cookies: new CookieJar() })({ url: `http://localhost:${port}/sms`, method: 'POST', fields: {} }));
    expect(err).toMatchObject({ code: 'LINE_UNREACHABLE', exitCode: 3 });
    expect(err.message).toContain('ECONNREFUSED');
    expect(err.hint).toContain('npm start');
  });

  it('gives up on a line that does not answer in time', async () => {
    line = await fakeLine((app) => app.post('/sms', () => undefined));
    const err = await failure(send({ path: '/sms', method: 'POST', fields: {} }, { token: TOKEN }, 500));
    expect(err.code).toBe('LINE_UNREACHABLE');
    expect(err.message).toContain('did not answer');
  });
});

describe('CookieJar', () => {
  it('sends back cookies per host, replaced and deleted as Set-Cookie says', () => {
    const jar = new CookieJar();
    jar.store('http://a.test/sms', ['topic=A; Path=/; HttpOnly', 'n=1']);
    jar.store('http://a.test/sms', ['n=2', 'topic=; Max-Age=0']);
    expect(jar.header('http://a.test/voice')).toBe('n=2');
    expect(jar.header('http://b.test/sms')).toBeUndefined();
    jar.store('http://a.test/sms', ['n=3; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
    expect(jar.header('http://a.test/sms')).toBeUndefined();
  });
});
