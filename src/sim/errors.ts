/**
 * Every way a simulated webhook can fail, each with its exit code: one table, so scripts and
 * CI can tell "the line is down" from "the line answered wrongly".
 */
export const SIM_EXIT_CODES = {
  /** Bad arguments or an unreadable script. */
  USAGE: 2,
  /** Nothing answered at the URL (refused, unknown host, timed out). */
  LINE_UNREACHABLE: 3,
  /** The line refused the request's signature (400 without one, 403 with a wrong one). */
  SIGNATURE_REJECTED: 4,
  /** Any other 4xx or 5xx. */
  HTTP_ERROR: 5,
  /** The answer is not a TwiML document Twilio could execute. */
  NOT_TWIML: 6,
  /** The call kept requesting documents past the turn cap. */
  TOO_MANY_REQUESTS: 7,
} as const;

export type SimErrorCode = keyof typeof SIM_EXIT_CODES;

/** A failure the simulator reports on purpose: a code, what happened, and what to check. */
export class SimError extends Error {
  override readonly name = 'SimError';
  constructor(
    readonly code: SimErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }

  get exitCode(): number {
    return SIM_EXIT_CODES[this.code];
  }

  /** For a terminal: the message, then the hint. */
  describe(): string {
    return this.hint ? `${this.code}: ${this.message}\n  hint: ${this.hint}` : `${this.code}: ${this.message}`;
  }
}
