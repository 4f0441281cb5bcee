// Exact decimal helpers shared by the money functions. Amounts live in `number` (safe integers) for
// speed; anything that could leave the exact range goes through `bigint`, never through floats.
import { MoneyError } from '../errors.js';
import { describe } from '../currencies.js';
import { ROUNDING_MODES, type RoundingMode } from '../types.js';

/** An exact decimal: `coefficient × 10^-scale`, with `scale ≥ 0`. */
export interface ExactDecimal {
  readonly coefficient: bigint;
  readonly scale: number;
  /** The coefficient as a number when it is a safe integer (the fast path), else `undefined`. */
  readonly coefficientNumber: number | undefined;
  /** `10^scale` as a number when it is a safe integer, else `undefined`. */
  readonly divisorNumber: number | undefined;
}

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,4}))?(%?)$/;
/** Inputs longer than this are refused before any parsing work (hostile input guard). */
const MAX_INPUT_LENGTH = 120;
/** The largest scale kept after parsing (every finite double fits); finer decimals are refused. */
const MAX_SCALE = 400;
const MAX_INTEGER_DIGITS = 400;

const POW10_NUMBER: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** `10^n` as a bigint. */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function exact(coefficient: bigint, scale: number): ExactDecimal {
  const asNumber = Number(coefficient);
  return {
    coefficient,
    scale,
    coefficientNumber: Number.isSafeInteger(asNumber) ? asNumber : undefined,
    divisorNumber: scale < POW10_NUMBER.length ? POW10_NUMBER[scale] : undefined,
  };
}

/**
 * Parses a plain decimal string (`-12.50`, `1.5e-3`, and with `allowPercent` also `33.33%`) exactly.
 * Returns `undefined` for anything else, so each caller can raise its own error code.
 */
export function parseDecimalString(text: string, allowPercent: boolean): ExactDecimal | undefined {
  if (text.length === 0 || text.length > MAX_INPUT_LENGTH) return undefined;
  const match = DECIMAL_PATTERN.exec(text);
  if (match === null) return undefined;
  const [, sign = '', integerPart = '', fractionPart = '', exponentPart, percent] = match;
  if (percent === '%' && !allowPercent) return undefined;
  let scale = fractionPart.length - (exponentPart === undefined ? 0 : Number(exponentPart));
  if (percent === '%') scale += 2;
  let digits = (integerPart + fractionPart).replace(/^0+(?=\d)/, '');
  if (scale < -MAX_INTEGER_DIGITS || scale > MAX_SCALE + MAX_INPUT_LENGTH) return undefined;
  if (scale < 0) {
    if (digits !== '0') digits += '0'.repeat(-scale);
    scale = 0;
  }
  // Drop trailing zeros of the fraction so equal values get equal representations.
  while (scale > 0 && digits.length > 1 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    scale -= 1;
  }
  if (digits === '0') scale = 0;
  if (scale > MAX_SCALE || digits.length - scale > MAX_INTEGER_DIGITS) return undefined;
  const coefficient = BigInt(digits);
  return exact(sign === '-' ? -coefficient : coefficient, scale);
}

/** Exact decimal from a finite number, read as the shortest decimal that prints as that number. */
export function decimalFromNumber(value: number): ExactDecimal | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (Number.isSafeInteger(value)) return exact(BigInt(value), 0);
  return parseDecimalString(String(value), false);
}

const RATE_CACHE_LIMIT = 512;
const rateCache = new Map<string, ExactDecimal>();

/**
 * Parses a {@link Rate}. String rates are memoised (bounded), so hot loops that pass the same
 * `'8.875%'` again and again parse it once.
 */
export function parseRate(rate: unknown, field: string): ExactDecimal {
  let parsed: ExactDecimal | undefined;
  if (typeof rate === 'string') {
    parsed = rateCache.get(rate);
    if (parsed === undefined) {
      parsed = parseDecimalString(rate, true);
      if (parsed !== undefined) {
        if (rateCache.size >= RATE_CACHE_LIMIT) rateCache.clear();
        rateCache.set(rate, parsed);
      }
    }
  } else if (typeof rate === 'number') {
    parsed = decimalFromNumber(rate);
  } else if (typeof rate === 'bigint') {
    parsed = exact(rate, 0);
  }
  if (parsed === undefined) {
    throw new MoneyError(
      'invalid_rate',
      `${field}: ${describe(rate)} is not an exact decimal (expected e.g. '0.08875', '8.875%', 3 or 0.5).`,
      { field, value: describe(rate) },
    );
  }
  return parsed;
}

/** Checks a rounding mode given by the caller; `undefined` means "none given". */
export function checkRoundingMode(mode: unknown, field = 'rounding'): RoundingMode | undefined {
  if (mode === undefined) return undefined;
  if (typeof mode === 'string' && (ROUNDING_MODES as readonly string[]).includes(mode)) return mode as RoundingMode;
  throw new MoneyError(
    'invalid_rounding_mode',
    `${field}: ${describe(mode)} is not a rounding mode (one of ${ROUNDING_MODES.join(', ')}).`,
    { field, value: describe(mode) },
  );
}

/**
 * Decides whether a truncated quotient moves one step away from zero, given the remainder.
 * `twiceRemainderVsDivisor` is the sign of 2·|r| − d (0 for an exact tie), `negative` the sign of the
 * exact quotient, `truncatedIsOdd` whether the truncated quotient is odd.
 */
function roundsAwayFromZero(
  mode: RoundingMode,
  twiceRemainderVsDivisor: number,
  negative: boolean,
  truncatedIsOdd: boolean,
): boolean {
  switch (mode) {
    case 'up':
      return true;
    case 'down':
      return false;
    case 'ceiling':
      return !negative;
    case 'floor':
      return negative;
    default:
      if (twiceRemainderVsDivisor !== 0) return twiceRemainderVsDivisor > 0;
      switch (mode) {
        case 'half-up':
          return true;
        case 'half-down':
          return false;
        case 'half-even':
          return truncatedIsOdd;
        case 'half-ceiling':
          return !negative;
        default:
          return negative;
      }
  }
}

function roundingRequired(field: string, numerator: number | bigint, divisor: number | bigint): never {
  throw new MoneyError(
    'rounding_required',
    `${field}: the exact result ${numerator}/${divisor} minor units is not a whole number of minor units; pass a rounding mode.`,
    { field },
  );
}

/**
 * `numerator / divisor` rounded to an integer with `mode`, for safe-integer inputs with divisor > 0
 * and |numerator| + divisor ≤ MAX_SAFE_INTEGER (so every intermediate product below stays exact).
 */
export function divideRoundNumber(
  numerator: number,
  divisor: number,
  mode: RoundingMode | undefined,
  field: string,
): number {
  let quotient = Math.trunc(numerator / divisor);
  let remainder = numerator - quotient * divisor;
  // Float division can land one off when the exact quotient is within an ulp of an integer: repair.
  if (remainder !== 0 && remainder < 0 !== numerator < 0) {
    quotient += numerator < 0 ? 1 : -1;
    remainder = numerator - quotient * divisor;
  } else if (remainder >= divisor || remainder <= -divisor) {
    quotient += numerator < 0 ? -1 : 1;
    remainder = numerator - quotient * divisor;
  }
  if (remainder === 0) return quotient + 0;
  if (mode === undefined) roundingRequired(field, numerator, divisor);
  const twice = Math.abs(remainder) * 2;
  const negative = numerator < 0;
  if (roundsAwayFromZero(mode, twice === divisor ? 0 : twice > divisor ? 1 : -1, negative, quotient % 2 !== 0)) {
    quotient += negative ? -1 : 1;
  }
  return quotient + 0;
}

/** `numerator / divisor` rounded to an integer with `mode`, exactly, for any bigints with divisor > 0. */
export function divideRoundBigInt(
  numerator: bigint,
  divisor: bigint,
  mode: RoundingMode | undefined,
  field: string,
): bigint {
  let quotient = numerator / divisor;
  const remainder = numerator - quotient * divisor;
  if (remainder === 0n) return quotient;
  if (mode === undefined) roundingRequired(field, numerator, divisor);
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  const negative = numerator < 0n;
  if (roundsAwayFromZero(mode, twice === divisor ? 0 : twice > divisor ? 1 : -1, negative, quotient % 2n !== 0n)) {
    quotient += negative ? -1n : 1n;
  }
  return quotient;
}

/** Converts an exact integer result back to a safe `number`, or throws `amount_out_of_range`. */
export function toSafeAmount(value: bigint, field: string): number {
  if (value > 9007199254740991n || value < -9007199254740991n) outOfRange(field, value);
  return Number(value) + 0;
}

/** Throws `amount_out_of_range` for a result beyond the safe-integer range of minor units. */
export function outOfRange(field: string, value: number | bigint): never {
  throw new MoneyError(
    'amount_out_of_range',
    `${field}: the result ${typeof value === 'bigint' ? value : 'exceeds'} is beyond ±${Number.MAX_SAFE_INTEGER} minor units, the exact range of money amounts.`,
    { field, maximum: Number.MAX_SAFE_INTEGER },
  );
}
