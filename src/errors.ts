/** Every error the line reports on purpose: a code to search for, a message, and what to do. */
export type ErrorCode =
  | 'FAQ_UNREADABLE'
  | 'FAQ_SYNTAX'
  | 'FAQ_INVALID'
  | 'CONFIG_INVALID'
  | 'IMPORT_FORMAT'
  | 'BENCH_DATA_MISSING'
  | 'BENCH_DATA_INVALID';

export class LineError extends Error {
  override readonly name = 'LineError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }

  /** One line for a terminal or a log: message, then the hint. */
  describe(): string {
    return this.hint ? `${this.code}: ${this.message}\n  hint: ${this.hint}` : `${this.code}: ${this.message}`;
  }
}
