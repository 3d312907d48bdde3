#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { positiveInteger } from './options.js';
import { ERRORS, LineError } from '../errors.js';
import { DEFAULT_FROM, DEFAULT_TO, SIMULATED_ACCOUNT_SID } from '../sim/fields.js';
import { DEFAULT_MAX_REQUESTS } from '../sim/follow.js';
import { startLocalLine, type LocalLine } from '../sim/local.js';
import { parseScript } from '../sim/script.js';
import { runCall, runChat, runSms, type SessionIo, type SessionOptions } from '../sim/session.js';

interface TargetOptions {
  url: string;
  local?: boolean;
  faq?: string;
  token?: string;
  from: string;
  to: string;
  accountSid: string;
  messagingService?: string;
  verbose?: boolean;
}

const DEFAULT_URL = 'http://localhost:3000';

function httpUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    // reported below
  }
  throw new InvalidArgumentError('must be an http(s) URL such as http://localhost:3000 or https://abc.ngrok.app');
}

function phoneNumber(value: string): string {
  // whatsapp:+1... is how Twilio gives a WhatsApp sender or number
  if (!/^(whatsapp:)?\+?[0-9]{3,15}$/.test(value)) throw new InvalidArgumentError('must be a phone number such as +15551234567, or whatsapp:+15551234567');
  return value;
}

/** The options every subcommand shares: where the line is and who is texting or calling. */
function withTarget(command: Command): Command {
  return command
    .option('--url <url>', "the line's base URL (the one Twilio would call; /sms and /voice are appended)", httpUrl, DEFAULT_URL)
    .option('--local', 'run the line inside this process instead (no server needed)')
    .option('--faq <file>', 'with --local: the FAQ data file (default faq-data/faq.yaml or FAQ_FILE)')
    .addOption(new Option('--token <token>', 'sign every request with this auth token').env('TWILIO_AUTH_TOKEN'))
    .option('--from <number>', "the texter's or caller's number", phoneNumber, DEFAULT_FROM)
    .option('--to <number>', "the line's Twilio number", phoneNumber, DEFAULT_TO)
    .addOption(new Option('--account-sid <sid>', 'AccountSid sent with every request').env('TWILIO_ACCOUNT_SID').default(SIMULATED_ACCOUNT_SID))
    .option('-v, --verbose', 'print every request: URL signed and fields');
}

/** Start the local line if asked, and the session options for it. */
async function target(opts: TargetOptions): Promise<{ session: SessionOptions; local?: LocalLine }> {
  // an empty TWILIO_AUTH_TOKEN means none, as the line's own config reads it
  const token = opts.token?.trim() || undefined;
  const local = opts.local ? await startLocalLine({ token, ...(opts.faq ? { faqFile: opts.faq } : {}) }) : undefined;
  const session: SessionOptions = {
    baseUrl: local?.url ?? opts.url,
    token,
    from: opts.from,
    to: opts.to,
    accountSid: opts.accountSid,
    ...(opts.messagingService ? { messagingServiceSid: opts.messagingService } : {}),
    ...(opts.verbose ? { verbose: true } : {}),
  };
  return { session, ...(local ? { local } : {}) };
}

/** Read turns from a script file ("-" is standard input), or from the terminal. */
function io(script: string | undefined): SessionIo & { close(): void } {
  const write = (text: string): void => void process.stdout.write(`${text}\n`);
  if (script !== undefined) {
    let turns: string[];
    try {
      turns = parseScript(readFileSync(script === '-' ? 0 : script, 'utf8'));
    } catch (err) {
      throw new LineError('USAGE', `cannot read the script ${script}: ${(err as Error).message}`);
    }
    return { write, echo: true, read: () => Promise.resolve(turns.shift()), close: () => undefined };
  }
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  // Ctrl-C ends the conversation (or hangs up) like Ctrl-D, instead of pausing the prompt
  rl.on('SIGINT', () => rl.close());
  const lines = rl[Symbol.asyncIterator]();
  return {
    write,
    echo: !interactive,
    read: async (prompt) => {
      if (interactive) {
        rl.setPrompt(prompt);
        rl.prompt();
      }
      const next = await lines.next();
      return next.done ? undefined : next.value;
    },
    close: () => rl.close(),
  };
}

async function run(opts: TargetOptions, script: string | undefined, body: (session: SessionOptions, io: SessionIo) => Promise<unknown>): Promise<void> {
  const { session, local } = await target(opts);
  const terminal = io(script);
  try {
    await body(session, terminal);
  } finally {
    terminal.close();
    await local?.close();
  }
}

const program = new Command('faq-line-sim')
  .description("Try the FAQ line without a phone: send the webhooks Twilio sends, signed as Twilio signs them, and show what the phone shows.")
  .exitOverride()
  .showHelpAfterError();

withTarget(program.command('sms'))
  .description('text one message and print the replies: each message, its characters, encoding and segments')
  .argument('<text...>', 'the message')
  .option('--messaging-service <sid>', 'send MessagingServiceSid, as for a number in a Messaging Service')
  .action(async (words: string[], opts: TargetOptions) => {
    await run(opts, undefined, (session, terminal) => runSms(session, words.join(' '), { ...terminal, echo: true }));
  });

withTarget(program.command('chat'))
  .description('a texting conversation: each line you type is a message (Ctrl-D ends); cookies carry over as with Twilio')
  .option('--script <file>', 'one message a line ("-" reads standard input); prints the transcript')
  .option('--messaging-service <sid>', 'send MessagingServiceSid, as for a number in a Messaging Service')
  .action(async (opts: TargetOptions & { script?: string }) => {
    await run(opts, opts.script, runChat);
  });

withTarget(program.command('call'))
  .description(
    'a phone call that follows the TwiML as Twilio does. At each listen: type words to speak, digits or "press 1#" for keys, ' +
      'Enter for silence, "hangup" (or Ctrl-D) to hang up',
  )
  .option('--script <file>', 'one caller turn a line ("-" reads standard input); the end of the script hangs up')
  .option('--max-requests <n>', 'most webhook requests in one call', positiveInteger, DEFAULT_MAX_REQUESTS)
  .action(async (opts: TargetOptions & { script?: string; maxRequests: number }) => {
    await run(opts, opts.script, (session, terminal) => runCall({ ...session, maxRequests: opts.maxRequests }, terminal));
  });

try {
  await program.parseAsync();
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : ERRORS.USAGE.exit;
  } else if (err instanceof LineError) {
    console.error(err.describe());
    process.exitCode = err.exitCode;
  } else {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  }
}
