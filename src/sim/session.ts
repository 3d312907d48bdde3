import { callerInput } from './call.js';
import { CookieJar } from './cookies.js';
import { callFields, type Fields, type Parties } from './fields.js';
import { followCall, type CallStep } from './follow.js';
import { sendText } from './text.js';
import { formatCallStep, formatReceived, formatSent } from './transcript.js';
import { createWebhookClient, type WebhookClient } from './webhook.js';

/** Where the simulator sends its webhooks and as whom. */
export interface SessionOptions extends Parties {
  /** The line's base URL; /sms and /voice are appended. */
  readonly baseUrl: string;
  readonly token: string | undefined;
  readonly messagingServiceSid?: string;
  /** Print every request's fields. */
  readonly verbose?: boolean;
  /** For tests. */
  readonly fetch?: typeof fetch;
}

/** The terminal, or a script and a buffer in tests. */
export interface SessionIo {
  /** One line of transcript. */
  write(text: string): void;
  /** The next typed line or script turn; undefined at the end of input. */
  read(prompt: string): Promise<string | undefined>;
  /** Whether to print the texter's or caller's turns (not when a person just typed them). */
  readonly echo: boolean;
}

/** The webhook URL for `path` under the line's base URL (a base already ending in /sms or /voice is the line's own). */
export function webhookUrl(baseUrl: string, path: 'sms' | 'voice'): string {
  const base = new URL(baseUrl);
  base.pathname = `${base.pathname.replace(/\/(sms|voice)\/?$/, '').replace(/\/+$/, '')}/${path}`;
  return base.href;
}

function client(options: SessionOptions): WebhookClient {
  return createWebhookClient({ token: options.token, cookies: new CookieJar(), ...(options.fetch ? { fetch: options.fetch } : {}) });
}

/** Text one message and print what the phone shows. */
export async function runSms(options: SessionOptions, body: string, io: SessionIo): Promise<void> {
  await textTurns(client(options), options, [body], io);
}

/** A texting conversation: each line read is a message; cookies carry from one to the next. */
export async function runChat(options: SessionOptions, io: SessionIo): Promise<void> {
  const send = client(options);
  for (;;) {
    const body = await io.read('you:    ');
    if (body === undefined) return;
    if (body.trim() === '') continue;
    await textTurns(send, options, [body], io);
  }
}

async function textTurns(send: WebhookClient, options: SessionOptions, bodies: readonly string[], io: SessionIo): Promise<void> {
  const url = webhookUrl(options.baseUrl, 'sms');
  const logged: WebhookClient = async (request) => {
    if (options.verbose) io.write(formatFields(request.method, request.url, request.fields));
    return send(request);
  };
  for (const body of bodies) {
    if (io.echo) io.write(formatSent(body));
    const messages = await sendText(logged, body, { ...options, url });
    io.write(formatReceived(messages, options.from.startsWith('whatsapp:')));
  }
}

/**
 * Call the line and follow its TwiML until the call ends; each <Gather> reads the caller's next
 * line. The end of input hangs up.
 */
export async function runCall(options: SessionOptions & { readonly maxRequests?: number }, io: SessionIo): Promise<CallStep> {
  const fields = callFields(options);
  const url = webhookUrl(options.baseUrl, 'voice');
  io.write(`call ${fields.CallSid ?? ''} from ${options.from} to ${options.to}`);
  return followCall(
    {
      send: client(options),
      listen: async (gather) => {
        const line = await io.read('caller: ');
        return line === undefined ? { kind: 'hangup' } : callerInput(line, gather);
      },
      show: (step) => {
        if (step.kind === 'request' && options.verbose) io.write(formatFields(step.method, step.url, step.fields));
        const text = formatCallStep(step, { echoCaller: io.echo, showRequests: !options.verbose });
        if (text !== undefined) io.write(text);
      },
    },
    { url, fields, ...(options.maxRequests !== undefined ? { maxRequests: options.maxRequests } : {}) },
  );
}

function formatFields(method: string, url: string, fields: Fields): string {
  return [`-> ${method} ${url}`, ...Object.entries(fields).map(([k, v]) => `     ${k}=${v}`)].join('\n');
}
