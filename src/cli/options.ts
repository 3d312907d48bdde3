import { InvalidArgumentError } from 'commander';

/** A commander option parser for a whole number of at least 1 ("--top 20", "--max-requests 50"). */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}
