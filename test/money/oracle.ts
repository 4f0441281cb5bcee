// decimal.js as the exact reference for property tests: high precision, never rounding midway.
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { ROUNDING_MODES, type RoundingMode } from '../../src/money/index.js';

export const D = Decimal.clone({ precision: 200, toExpNeg: -100, toExpPos: 100 });

export const DECIMAL_ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-up': Decimal.ROUND_HALF_UP,
  'half-down': Decimal.ROUND_HALF_DOWN,
  'half-ceiling': Decimal.ROUND_HALF_CEIL,
  'half-floor': Decimal.ROUND_HALF_FLOOR,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceiling: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

export const MAX = Number.MAX_SAFE_INTEGER;
export const RUNS = { numRuns: 1000 } as const;

/** Minor-unit amounts: small, mid, huge, the boundaries, and values next to them. */
export const minorUnits = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -10_000, max: 10_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }) },
  { weight: 2, arbitrary: fc.maxSafeInteger().filter((n) => n >= -MAX) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, 1, -1, MAX, -MAX, MAX - 1, -MAX + 1, 2 ** 52, -(2 ** 52), 5, -5, 50, -50),
  },
);

/** Currencies with 0, 2, 3 and 4 decimals. */
export const currency = fc.constantFrom('USD', 'JPY', 'KWD', 'CLF', 'EUR', 'BHD');
export const EXPONENT: Record<string, number> = { USD: 2, JPY: 0, KWD: 3, CLF: 4, EUR: 2, BHD: 3 };

export const roundingMode = fc.constantFrom<RoundingMode>(...ROUNDING_MODES);

/** Writes coefficient × 10^-scale as a plain decimal string. */
export function decimalString(coefficient: bigint, scale: number): string {
  const negative = coefficient < 0n;
  const digits = (negative ? -coefficient : coefficient).toString().padStart(scale + 1, '0');
  const body =
    scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${body}` : body;
}

/** Exact decimal rates as strings: random decimals, ties-making halves, percentages, big and tiny. */
export const rateString = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 12 }))
      .map(([c, s]) => decimalString(c, s)),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('0.5', '-0.5', '1.5', '2.5', '0.25', '0.125', '0.05', '0.005', '0.0005', '3.5'),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.bigInt({ min: -100_000n, max: 100_000n }), fc.integer({ min: 0, max: 4 }))
      .map(([c, s]) => `${decimalString(c, s)}%`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('0', '1', '-1', '0.08875', '8.875%', '33.33%', '1e-3', '2.5E2', '1000000000000'),
  },
);

/** The exact value of a rate string, as decimal.js reads it (percent handled here). */
export function rateValue(rate: string): Decimal {
  return rate.endsWith('%') ? new D(rate.slice(0, -1)).div(100) : new D(rate);
}
