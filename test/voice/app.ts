import { createApp } from '../../src/app.js';
import type { OutgoingText, TextSender } from '../../src/channels/text-sender.js';
import { loadConfig } from '../../src/config.js';
import type { Line } from '../../src/line.js';
import { createLogger } from '../../src/log.js';
import { realLine } from '../helpers/app.js';
import type { Express } from 'express';

export const TOKEN = 'voice-test-token-0123456789abcdef';
export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';

/** A text sender that records what it sends, and fails when told to. */
export class FakeSender implements TextSender {
  readonly sent: OutgoingText[] = [];
  failing = false;
  async send(text: OutgoingText): Promise<void> {
    if (this.failing) throw Object.assign(new Error('Twilio could not send (fake)'), { code: 21606 });
    this.sent.push(text);
  }
}

export interface VoiceApp {
  readonly app: Express;
  readonly line: Line;
  readonly logs: Record<string, unknown>[];
}

/** The app with signatures checked (TOKEN), the real FAQ's line, an in-memory log and, if given, a text sender. */
export async function voiceApp(env: Readonly<Record<string, string>> = {}, sender?: TextSender, line?: Line): Promise<VoiceApp> {
  const config = loadConfig({ NODE_ENV: 'test', TWILIO_AUTH_TOKEN: TOKEN, ...env });
  const current = line ?? (await realLine());
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'info' }, { write: (l: string) => void logs.push(JSON.parse(l) as Record<string, unknown>) });
  const app = createApp({ config, line: () => current, logger, ...(sender ? { textSender: sender } : {}) });
  return { app, line: current, logs };
}

/** The entry of the real FAQ with this id. */
export function entry(line: Line, id: string) {
  const found = line.faq.entries.find((e) => e.id === id);
  if (!found) throw new Error(`faq-data/faq.yaml has no entry "${id}"`);
  return found;
}
