/**
 * Every error the line reports on purpose, in one table (after fastify's lib/errors.js): a code to
 * search for, its message template (each `%s` filled in order by `lineError`), what to do about it,
 * the HTTP status a request gets for it, and the exit code a command ends with. The server answers a
 * webhook's client error with the status and message (never a 5xx); the CLIs and the simulator print
 * `describe()` and exit with `exitCode`.
 */
export const ERRORS = {
  // Configuration and FAQ data: the line does not start (or keeps the FAQ it has); a command exits 1.
  CONFIG_INVALID: { message: '%s', hint: 'see .env.example for every variable and its format' },
  FAQ_UNREADABLE: { message: '%s', hint: 'check the path (FAQ_FILE, or the file given to the command)' },
  FAQ_SYNTAX: { message: '%s', hint: 'the FAQ file is YAML: check the line named' },
  FAQ_INVALID: { message: '%s', hint: 'see faq-data/README.md for the format' },
  IMPORT_FORMAT: { message: '%s', hint: 'each block is TOPIC:, QUESTION:, ANSWER: in that order' },
  BENCH_DATA_MISSING: { message: '%s', hint: 'pass --data <folder holding data_full.json and data_small.json>' },
  BENCH_DATA_INVALID: { message: '%s', hint: 'is it the CLINC150 dataset (data_full.json / data_small.json)?' },

  // A webhook request the line will not read: a clear 4xx, with the message as its plain-text body.
  BODY_MALFORMED: { message: 'Malformed request body.', status: 400, hint: 'invalid percent-encoding in the form body' },
  BODY_ABORTED: { message: 'Malformed request body.', status: 400, hint: 'the client stopped sending the body' },
  BODY_TOO_LARGE: { message: 'Request body too large.', status: 413, hint: 'Twilio never sends a body this large: see BODY_LIMIT' },
  BODY_TOO_MANY_FIELDS: { message: 'Request body too large.', status: 413, hint: 'more than 1,000 form fields' },
  CONTENT_TYPE_UNSUPPORTED: {
    message: 'Unsupported content type or charset: send application/x-www-form-urlencoded in UTF-8.',
    status: 415,
    hint: 'content type is not application/x-www-form-urlencoded',
  },
  CHARSET_UNSUPPORTED: { message: 'Unsupported content type or charset: send application/x-www-form-urlencoded in UTF-8.', status: 415, hint: 'unsupported charset "%s"' },
  CONTENT_ENCODING_UNSUPPORTED: {
    message: 'Unsupported content type or charset: send application/x-www-form-urlencoded in UTF-8.',
    status: 415,
    hint: 'unsupported content encoding "%s"',
  },
  REQUEST_UNSIGNABLE: { message: '%s', status: 400, hint: 'a query or form Twilio never sends: the signature cannot vouch for it' },
  SIGNATURE_MISSING: { message: 'Missing X-Twilio-Signature header.', status: 400, hint: 'every webhook Twilio sends is signed' },
  SIGNATURE_INVALID: { message: 'Twilio signature does not match.', status: 403, hint: 'is PUBLIC_URL the URL Twilio calls, and TWILIO_AUTH_TOKEN the account\'s token?' },
  CALL_STATE_FORGED: { message: 'The call state in the URL is not one this line wrote.', status: 400, hint: 'the turn URL was changed after the line wrote it' },
  STATUS_INCOMPLETE: { message: 'A delivery status needs MessageSid and MessageStatus.', status: 400, hint: 'Twilio posts both with every status callback' },
  BAD_REQUEST: { message: 'Bad request.', status: 400 },
  METRICS_TOKEN_REQUIRED: { message: 'Metrics need Authorization: Bearer <METRICS_TOKEN>.', status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
  NOT_FOUND: { message: 'Not found. %s', status: 404 },
  METHOD_NOT_ALLOWED: { message: 'Method not allowed: Twilio posts %s.', status: 405, headers: { Allow: 'POST' } },

  // The simulator (faq-line-sim): each failure its own exit code, so scripts and CI can tell "the line
  // is down" from "the line answered wrongly". Messages name the URL and what came back.
  /** Bad arguments or an unreadable script. */
  USAGE: { message: '%s', exit: 2, hint: 'see faq-line-sim --help' },
  /** Nothing answered at the URL (refused, unknown host, timed out). */
  LINE_UNREACHABLE: { message: '%s', exit: 3, hint: 'check --url and that the line is running.' },
  /** The line refused the request's signature (400 without one, 403 with a wrong one). */
  SIGNATURE_REJECTED: { message: '%s', exit: 4, hint: "the token must be the line's TWILIO_AUTH_TOKEN, and --url the PUBLIC_URL it checks" },
  /** Any other 4xx or 5xx. */
  HTTP_ERROR: { message: '%s answered %s', exit: 5, hint: 'Twilio would treat this as a failed webhook (error 11200) and use the fallback URL.' },
  /** The answer is not a TwiML document Twilio could execute. */
  NOT_TWIML: { message: '%s', exit: 6, hint: 'Twilio needs TwiML sent as text/xml or application/xml (error 12300).' },
  /** The call kept requesting documents past the turn cap. */
  TOO_MANY_REQUESTS: { message: '%s', exit: 7, hint: 'look for a <Redirect> or Gather action loop.' },
} as const satisfies Record<string, ErrorSpec>;

interface ErrorSpec {
  /** What went wrong; `%s` are filled in order. For an HTTP code, the body the client gets. */
  readonly message: string;
  /** What to do about it; may hold `%s` too, filled after the message's. */
  readonly hint?: string;
  /** The HTTP status a request gets (client errors only: a webhook never answers 5xx). */
  readonly status?: number;
  /** The exit code of a command that ends with it (1 when not given). */
  readonly exit?: number;
  /** Headers the HTTP answer carries (Allow with a 405, WWW-Authenticate with a 401). */
  readonly headers?: Readonly<Record<string, string>>;
}

export type ErrorCode = keyof typeof ERRORS;

export class LineError extends Error {
  override readonly name = 'LineError';
  readonly hint: string | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    hint?: string,
    /** Facts for the log line (a path, a URL), never shown to a client. */
    readonly context?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.hint = hint ?? (ERRORS[code] as ErrorSpec).hint;
  }

  /** The HTTP status for a request that failed with this error, if it is a client error. */
  get status(): number | undefined {
    return (ERRORS[this.code] as ErrorSpec).status;
  }

  /** The headers an HTTP answer with this error carries. */
  get headers(): Readonly<Record<string, string>> {
    return (ERRORS[this.code] as ErrorSpec).headers ?? {};
  }

  /** The exit code of a command that ends with this error. */
  get exitCode(): number {
    return (ERRORS[this.code] as ErrorSpec).exit ?? 1;
  }

  /** For a terminal or a log: the code and message, then the hint. */
  describe(): string {
    return this.hint ? `${this.code}: ${this.message}\n  hint: ${this.hint}` : `${this.code}: ${this.message}`;
  }
}

/**
 * The error `code` with its table message and hint, each `%s` filled from `args` in order (message
 * first). `options.hint` replaces the table's hint where the throw site knows better.
 */
export function lineError(code: ErrorCode, args: readonly (string | number)[] = [], options: { hint?: string; context?: Record<string, unknown> } = {}): LineError {
  const spec: ErrorSpec = ERRORS[code];
  let i = 0;
  const fill = (template: string): string => template.replace(/%s/g, () => String(args[i++] ?? ''));
  const message = fill(spec.message);
  const hint = options.hint ?? (spec.hint === undefined ? undefined : fill(spec.hint));
  return new LineError(code, message, hint, options.context);
}

/** Any error as a command prints it: a LineError's code, message and hint; anything else as it is. */
export function describeError(err: unknown): string {
  return err instanceof LineError ? err.describe() : String(err);
}
