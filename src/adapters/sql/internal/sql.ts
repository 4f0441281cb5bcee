// Small helpers shared by the SQL adapters: placeholders, numbers, retries.

/** `($1, $2), ($3, $4)` for `rows` tuples of `width` values, numbering from `start`. */
export function tuples(rows: number, width: number, start = 1): string {
  const out: string[] = [];
  let n = start;
  for (let r = 0; r < rows; r += 1) {
    const cells: string[] = [];
    for (let c = 0; c < width; c += 1) {
      cells.push(`$${n}`);
      n += 1;
    }
    out.push(`(${cells.join(', ')})`);
  }
  return out.join(', ');
}

/** `$1, $2, $3` for `count` values, numbering from `start`. */
export function list(count: number, start = 1): string {
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) out.push(`$${start + i}`);
  return out.join(', ');
}

/** Splits `items` into chunks of at most `size` (statements stay far below PostgreSQL's 65,535 parameters). */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A `bigint` / `integer` column as a number (`pg` returns `bigint` as a string, PGlite as a number). */
export function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/** A nullable text column as a string or undefined. */
export function text(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/** Code-unit order, the order the fold and the in-memory store use (never a collation). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Thrown inside a transaction to roll it back and retry it from the start. */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RetryTransaction';
  }
}

/** SQLSTATEs after which a transaction is retried: serialization_failure, deadlock_detected. */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['40001', '40P01']);

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether a failed attempt may be retried. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof RetryTransaction) return true;
  const state = sqlState(error);
  return state !== undefined && RETRYABLE_SQLSTATES.has(state);
}

/**
 * Runs `attempt` up to `maxAttempts` times while it fails retryably, waiting a little longer each
 * time (1, 2, 4 ... ms, at most 50 ms); rethrows the last failure.
 */
export async function withRetries<T>(maxAttempts: number, attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= maxAttempts || !isRetryable(error)) throw error;
      const wait = Math.min(50, 2 ** (n - 1));
      await new Promise<void>((resolve) => setTimeout(resolve, wait));
    }
  }
}
