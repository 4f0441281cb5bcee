// Exact decimal helpers shared by the money functions. Amounts live in `number` (safe integers) for
// speed; anything that could leave the exact range goes through `bigint`, never through floats.

import { describe } from '../currencies.js';
import { MoneyError } from '../errors.js';
import { ROUNDING_MODES, type RoundingMode } from '../types.js';

/** An exact decimal: `coefficient × 10^-scale`, with `scale ≥ 0`. */
export interface ExactDecimal {
  readonly coefficient: bigint;
  readonly scale: number;
  /** The coefficient as a number when it is a safe integer (the fast path), else `undefined`. */
  readonly coefficientNumber: number | undefined;
  /** `10^scale` as a number when it is a safe integer, else `undefined`. */
  readonly divisorNumber: number | undefined;
  /**
   * For the multiply fast path: the largest |amount × coefficientNumber| that keeps every step of
   * the rounding division exact (MAX_SAFE_INTEGER − 10^scale), or −1 when there is no fast path.
   */
  readonly productLimit: number;
}

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,4}))?(%?)$/;
/** Inputs longer than this are refused before any parsing work (hostile input guard). */
const MAX_INPUT_LENGTH = 120;
/** The largest scale kept after parsing (every finite double fits); finer decimals are refused. */
const MAX_SCALE = 400;
const MAX_INTEGER_DIGITS = 400;

const mathFloor = Math.floor;

const POW10_NUMBER: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** `10^n` as a bigint. */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function exact(coefficient: bigint, scale: number): ExactDecimal {
  const asNumber = Number(coefficient);
  const coefficientNumber = Number.isSafeInteger(asNumber) ? asNumber : undefined;
  const divisorNumber = scale < POW10_NUMBER.length ? POW10_NUMBER[scale] : undefined;
  return {
    coefficient,
    scale,
    coefficientNumber,
    divisorNumber,
    productLimit:
      coefficientNumber !== undefined && divisorNumber !== undefined ? Number.MAX_SAFE_INTEGER - divisorNumber : -1,
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
// The last few rate strings seen, checked by identity before the Map: a cart loop passes the same
// two or three literals ('10%', '8.875%') thousands of times, and `===` on them is one comparison.
const RECENT_SLOTS = 4;
const recentKeys: (string | undefined)[] = new Array<string | undefined>(RECENT_SLOTS).fill(undefined);
const recentValues: (ExactDecimal | undefined)[] = new Array<ExactDecimal | undefined>(RECENT_SLOTS).fill(undefined);
let recentNext = 0;

function parseRateStringSlow(rate: string): ExactDecimal | undefined {
  let parsed = rateCache.get(rate);
  if (parsed === undefined) {
    parsed = parseDecimalString(rate, true);
    if (parsed === undefined) return undefined;
    if (rateCache.size >= RATE_CACHE_LIMIT) rateCache.clear();
    rateCache.set(rate, parsed);
  }
  recentKeys[recentNext] = rate;
  recentValues[recentNext] = parsed;
  recentNext = (recentNext + 1) % RECENT_SLOTS;
  return parsed;
}

/**
 * The parsed form of a rate string, or `undefined` when it is not a valid rate. Checks the last few
 * strings by identity first, then the bounded cache, then parses (and remembers) it.
 */
export function rateOfString(rate: string): ExactDecimal | undefined {
  for (let i = 0; i < RECENT_SLOTS; i++) {
    if (recentKeys[i] === rate) return recentValues[i];
  }
  return parseRateStringSlow(rate);
}

/** Brands rate objects made by `rate()` in this copy of the library. */
export const PARSED_RATE: unique symbol = Symbol('ordercore.parsedRate');

/** The object `rate()` returns: the public fields plus the precomputed fast-path fields. */
export interface ParsedRateObject extends ExactDecimal {
  readonly kind: 'parsed-rate';
  readonly decimal: string;
  readonly [PARSED_RATE]: true;
}

/**
 * Writes `±digits × 10^-scale` as a plain decimal string with exactly `scale` decimals, from the
 * digits of the magnitude: `('5', true, 3)` → `'-0.005'`. Shared by every function that prints
 * an exact value, so they all agree on the format.
 */
export function writeScaled(magnitudeDigits: string, negative: boolean, scale: number): string {
  let body = magnitudeDigits;
  if (scale > 0) {
    const padded = magnitudeDigits.padStart(scale + 1, '0');
    const cut = padded.length - scale;
    body = `${padded.slice(0, cut)}.${padded.slice(cut)}`;
  }
  return negative ? `-${body}` : body;
}

/** Writes an exact decimal as a plain decimal string. */
function exactToString(value: ExactDecimal): string {
  const negative = value.coefficient < 0n;
  return writeScaled((negative ? -value.coefficient : value.coefficient).toString(), negative, value.scale);
}

/**
 * Wraps an exact decimal as a branded, frozen parsed rate. Only `kind` and `decimal` are enumerable,
 * so the rate survives `JSON.stringify` (bigints would not) and reads back from its `decimal`.
 */
export function toParsedRate(value: ExactDecimal): ParsedRateObject {
  const hidden = (v: unknown): PropertyDescriptor => ({ value: v, enumerable: false });
  return Object.freeze(
    Object.defineProperties(
      { kind: 'parsed-rate', decimal: exactToString(value) },
      {
        coefficient: hidden(value.coefficient),
        scale: hidden(value.scale),
        coefficientNumber: hidden(value.coefficientNumber),
        divisorNumber: hidden(value.divisorNumber),
        productLimit: hidden(value.productLimit),
        [PARSED_RATE]: hidden(true),
      },
    ),
  ) as ParsedRateObject;
}

/**
 * The rate if it is one seen a moment ago (by identity) or made by `rate()`, else `undefined`.
 * Tiny on purpose: it is the first step of every multiply by a rate.
 */
function recentRate(rate: unknown): ExactDecimal | undefined {
  if (typeof rate === 'string') {
    for (let i = 0; i < RECENT_SLOTS; i++) {
      if (recentKeys[i] === rate) return recentValues[i];
    }
    return undefined;
  }
  return typeof rate === 'object' && rate !== null && (rate as { [PARSED_RATE]?: unknown })[PARSED_RATE] === true
    ? (rate as ParsedRateObject)
    : undefined;
}

/**
 * Parses a {@link Rate}. String rates are memoised (bounded), so hot loops that pass the same
 * `'8.875%'` again and again parse it once; rates made by `rate()` are used as they are.
 */
export function parseRate(rate: unknown, field: string): ExactDecimal {
  return recentRate(rate) ?? parseRateSlow(rate, field);
}

function parseRateSlow(rate: unknown, field: string): ExactDecimal {
  let parsed: ExactDecimal | undefined;
  if (typeof rate === 'string') {
    parsed = parseRateStringSlow(rate);
  } else if (typeof rate === 'object' && rate !== null) {
    // A parsed rate from another copy of ordercore (or one that went through JSON): trust only its text.
    const decimal: unknown =
      (rate as { kind?: unknown }).kind === 'parsed-rate' ? (rate as { decimal?: unknown }).decimal : undefined;
    if (typeof decimal === 'string') parsed = parseRateStringSlow(decimal);
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

/** Throws `invalid_rounding_mode` (kept out of line so hot functions stay small enough to inline). */
function invalidRoundingMode(mode: unknown, field = 'rounding'): never {
  throw new MoneyError(
    'invalid_rounding_mode',
    `${field}: ${describe(mode)} is not a rounding mode (one of ${ROUNDING_MODES.join(', ')}).`,
    { field, value: describe(mode) },
  );
}

/** Checks a rounding mode given by the caller; `undefined` means "none given". */
export function checkRoundingMode(mode: unknown, field = 'rounding'): RoundingMode | undefined {
  switch (mode) {
    case undefined:
    case 'half-even':
    case 'half-up':
    case 'half-down':
    case 'half-ceiling':
    case 'half-floor':
    case 'up':
    case 'down':
    case 'ceiling':
    case 'floor':
      return mode;
    default:
      return invalidRoundingMode(mode, field);
  }
}

/**
 * Whether a quotient rounded down to `floor` must move up by one, for an inexact division.
 * `tie` is the sign of 2·remainder − divisor (remainder taken against the floor, so 0 < remainder <
 * divisor: −1 below the midpoint, 0 on it, 1 above), `negative` the sign of the exact quotient and
 * `floorIsOdd` the parity of the floor. Unknown modes throw here, so validating the mode costs
 * nothing on the common (inexact) path.
 */
function roundsUp(mode: unknown, tie: number, negative: boolean, floorIsOdd: boolean): number {
  switch (mode) {
    case 'half-even':
      return tie > 0 || (tie === 0 && floorIsOdd) ? 1 : 0;
    case 'half-up':
      return tie > 0 || (tie === 0 && !negative) ? 1 : 0;
    case 'half-down':
      return tie > 0 || (tie === 0 && negative) ? 1 : 0;
    case 'half-ceiling':
      return tie >= 0 ? 1 : 0;
    case 'half-floor':
      return tie > 0 ? 1 : 0;
    case 'up':
      return negative ? 0 : 1;
    case 'down':
      return negative ? 1 : 0;
    case 'ceiling':
      return 1;
    case 'floor':
      return 0;
    default:
      return invalidRoundingMode(mode);
  }
}

/** Throws `rounding_required` (out of line, see {@link invalidRoundingMode}). */
function roundingRequired(field: string, numerator: number | bigint, divisor: number | bigint): never {
  throw new MoneyError(
    'rounding_required',
    `${field}: the exact result ${numerator}/${divisor} minor units is not a whole number of minor units; pass a rounding mode.`,
    { field },
  );
}

/**
 * `numerator / divisor` rounded to an integer with `mode`, for safe-integer inputs with divisor > 0
 * and |numerator| + divisor ≤ MAX_SAFE_INTEGER (so every product below is exact). Only half-even —
 * the usual mode for money — is decided here, in few enough bytecodes that V8 inlines this into
 * every caller; every other mode, the float-division repairs and the errors are in
 * {@link divideRoundNumberEdge}.
 */
export function divideRoundNumber(numerator: number, divisor: number, mode: unknown, field: string): number {
  const floor = mathFloor(numerator / divisor);
  const twice = 2 * (numerator - floor * divisor);
  // `+ 0` is not needed: a floor of -0 only comes with twice = 0, and then -0 + 0 is 0.
  if (mode === 'half-even' && twice >= 0 && twice < 2 * divisor) {
    return floor + (twice > divisor || (twice === divisor && floor % 2 !== 0) ? 1 : 0);
  }
  return divideRoundNumberEdge(numerator, divisor, mode, field);
}

/** The rest of {@link divideRoundNumber}: exact results, off-by-one float quotients, missing modes. */
function divideRoundNumberEdge(numerator: number, divisor: number, mode: unknown, field: string): number {
  let floor = Math.floor(numerator / divisor);
  let remainder = numerator - floor * divisor;
  // Float division can land one off when the exact quotient is within an ulp of an integer: repair.
  if (remainder < 0) {
    floor -= 1;
    remainder += divisor;
  } else if (remainder >= divisor) {
    floor += 1;
    remainder -= divisor;
  }
  if (remainder === 0) {
    if (mode !== undefined) checkRoundingMode(mode);
    return floor + 0;
  }
  if (mode === undefined) roundingRequired(field, numerator, divisor);
  const twice = 2 * remainder;
  return floor + roundsUp(mode, twice === divisor ? 0 : twice > divisor ? 1 : -1, numerator < 0, floor % 2 !== 0) + 0;
}

/** `numerator / divisor` rounded to an integer with `mode`, exactly, for any bigints with divisor > 0. */
export function divideRoundBigInt(numerator: bigint, divisor: bigint, mode: unknown, field: string): bigint {
  let floor = numerator / divisor;
  let remainder = numerator - floor * divisor;
  if (remainder < 0n) {
    floor -= 1n;
    remainder += divisor;
  }
  if (remainder === 0n) {
    if (mode !== undefined) checkRoundingMode(mode);
    return floor;
  }
  if (mode === undefined) roundingRequired(field, numerator, divisor);
  const twice = remainder * 2n;
  return (
    floor + BigInt(roundsUp(mode, twice === divisor ? 0 : twice > divisor ? 1 : -1, numerator < 0n, floor % 2n !== 0n))
  );
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
