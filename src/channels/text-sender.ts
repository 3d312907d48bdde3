import type { Config } from '../config.js';

/** One SMS to send during a call. */
export interface OutgoingText {
  readonly to: string;
  readonly from: string;
  readonly body: string;
  /** Where Twilio posts the text's delivery statuses (queued, sent, delivered, failed, ...): the line's /status. */
  readonly statusCallback?: string;
}

/** Sends texts; the voice line's only outside effect. Tests inject a fake. */
export interface TextSender {
  /** Resolves once Twilio has accepted the message; rejects on any failure. */
  send(text: OutgoingText): Promise<void>;
}

/** What the REST client authenticates with: an API key and secret, or the account SID and auth token. */
export interface RestCredentials {
  readonly accountSid: string;
  readonly username: string;
  readonly password: string;
}

/** REST credentials from the configuration, or undefined when it has none (texting is then not offered). */
export function restCredentials(config: Pick<Config, 'twilioAccountSid' | 'twilioAuthToken' | 'twilioApiKey' | 'twilioApiSecret'>): RestCredentials | undefined {
  const { twilioAccountSid: accountSid, twilioApiKey, twilioApiSecret, twilioAuthToken } = config;
  if (!accountSid) return undefined;
  if (twilioApiKey && twilioApiSecret) return { accountSid, username: twilioApiKey, password: twilioApiSecret };
  if (twilioAuthToken) return { accountSid, username: accountSid, password: twilioAuthToken };
  return undefined;
}

/** How long one REST request may take: a call waits for the answer, and Twilio gives up after 15 s. */
export const SEND_TIMEOUT_MS = 4000;

/**
 * A sender using Twilio's REST API (`client.messages.create`). The `twilio` package (its REST
 * client costs about 85 ms to load) is imported on the first text, not at start.
 */
export function twilioTextSender(credentials: RestCredentials, timeoutMs = SEND_TIMEOUT_MS, httpClient?: object): TextSender {
  type Client = Awaited<ReturnType<typeof load>>;
  let client: Promise<Client> | undefined;
  async function load() {
    const { default: twilio } = await import('twilio');
    // httpClient: tests give one that records the REST request instead of sending it
    return twilio(credentials.username, credentials.password, { accountSid: credentials.accountSid, timeout: timeoutMs, ...(httpClient ? { httpClient: httpClient as never } : {}) });
  }
  return {
    async send(text) {
      client ??= load().catch((err: unknown) => {
        client = undefined;
        throw err;
      });
      const rest = await client;
      const status = text.statusCallback ? { statusCallback: text.statusCallback } : {};
      await withTimeout(rest.messages.create({ to: text.to, from: text.from, body: text.body, ...status }), timeoutMs);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the Twilio REST API within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
