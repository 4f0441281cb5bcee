import { show as describe } from '../core/show.js';
import { MoneyError } from './errors.js';
import type { Currency } from './types.js';

// ISO 4217 active codes grouped by minor-unit exponent (list of 2025), kept as strings so the table
// costs a few hundred bytes and is only turned into a Map on first use. Codes whose minor unit ISO
// lists as "N.A." (precious metals, XDR, XTS, XXX ...) are left out: they have no exponent.
const ISO_EXPONENT_0 = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const ISO_EXPONENT_3 = 'BHD IQD JOD KWD LYD OMR TND';
const ISO_EXPONENT_4 = 'CLF UYW';
const ISO_EXPONENT_2 =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
  'GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL ' +
  'MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK ' +
  'PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS ' +
  'TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';

/**
 * The largest exponent a registered currency may have. Amounts are safe integers of minor units, so
 * with exponent 12 the largest amount is about 9,007 major units; beyond it money stops being useful.
 *
 * @example
 * ```ts
 * import { MAX_CURRENCY_EXPONENT } from 'ordercore/money';
 *
 * MAX_CURRENCY_EXPONENT; //=> 12
 * ```
 */
export const MAX_CURRENCY_EXPONENT = 12;

const CODE_PATTERN = /^[A-Z][A-Z0-9]{2,9}$/;

let isoTable: Map<string, Currency> | undefined;
const customTable = new Map<string, Currency>();

function iso(): Map<string, Currency> {
  if (isoTable === undefined) {
    const table = new Map<string, Currency>();
    const groups: readonly [string, number][] = [
      [ISO_EXPONENT_0, 0],
      [ISO_EXPONENT_2, 2],
      [ISO_EXPONENT_3, 3],
      [ISO_EXPONENT_4, 4],
    ];
    for (const [codes, exponent] of groups) {
      for (const code of codes.split(' ')) table.set(code, Object.freeze({ code, exponent }));
    }
    isoTable = table;
  }
  return isoTable;
}

/**
 * Looks up a currency by code: the built-in ISO 4217 table first, then currencies added with
 * {@link registerCurrency}.
 *
 * @param code - The currency code, e.g. `'USD'`.
 * @returns The currency, or `undefined` if the code is not known.
 * @example
 * ```ts
 * import { getCurrency } from 'ordercore/money';
 *
 * getCurrency('JPY'); //=> { code: 'JPY', exponent: 0 }
 * getCurrency('XYZ'); //=> undefined
 * ```
 */
export function getCurrency(code: string): Currency | undefined {
  if (typeof code !== 'string') return undefined;
  return iso().get(code) ?? customTable.get(code);
}

/**
 * Lists every known currency, ISO 4217 first, then registered ones, each group sorted by code.
 *
 * @returns The currencies.
 * @example
 * ```ts
 * import { listCurrencies } from 'ordercore/money';
 *
 * listCurrencies().some((c) => c.code === 'EUR'); //=> true
 * ```
 */
export function listCurrencies(): readonly Currency[] {
  const byCode = (a: Currency, b: Currency): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return [...[...iso().values()].sort(byCode), ...[...customTable.values()].sort(byCode)];
}

/**
 * Adds a currency that ISO 4217 does not have (loyalty points, a store credit unit, a crypto asset
 * with up to 12 decimals) so every money function accepts its code.
 *
 * Registration is process-wide configuration: do it once at start-up, before using the code.
 * Registering the same definition again is a no-op; redefining a known code with another exponent
 * throws, because amounts already stored in minor units would silently change meaning.
 *
 * @param currency - The code (an uppercase letter, then 2–9 uppercase letters or digits) and the
 *   exponent (an integer from 0 to 12).
 * @returns The registered currency.
 * @throws {@link MoneyError} `invalid_currency_code` for a malformed code or exponent,
 *   `currency_conflict` when the code exists with another exponent.
 * @example
 * ```ts
 * import { money, registerCurrency, toDecimal } from 'ordercore/money';
 *
 * registerCurrency({ code: 'PTS', exponent: 0 });
 * toDecimal(money('250', 'PTS')); //=> '250'
 * ```
 */
export function registerCurrency(currency: Currency): Currency {
  const code: unknown = (currency as { code?: unknown } | null)?.code;
  const exponent: unknown = (currency as { exponent?: unknown } | null)?.exponent;
  if (typeof code !== 'string' || !CODE_PATTERN.test(code)) {
    throw new MoneyError(
      'invalid_currency_code',
      `Currency code ${JSON.stringify(String(code))} must be an uppercase letter followed by 2 to 9 uppercase letters or digits.`,
      { field: 'code', value: String(code) },
    );
  }
  if (typeof exponent !== 'number' || !Number.isInteger(exponent) || exponent < 0 || exponent > MAX_CURRENCY_EXPONENT) {
    throw new MoneyError(
      'invalid_currency_code',
      `Currency ${code}: exponent must be an integer from 0 to ${MAX_CURRENCY_EXPONENT}.`,
      { field: 'exponent', value: String(exponent) },
    );
  }
  const existing = getCurrency(code);
  if (existing !== undefined) {
    if (existing.exponent === exponent) return existing;
    throw new MoneyError(
      'currency_conflict',
      `Currency ${code} is already defined with exponent ${existing.exponent}, not ${exponent}.`,
      { code, exponent, existingExponent: existing.exponent },
    );
  }
  const registered = Object.freeze({ code, exponent });
  customTable.set(code, registered);
  return registered;
}

/** The exponent of a known currency; throws a typed error for anything else. */
export function currencyExponent(code: unknown, field = 'currency'): number {
  if (typeof code !== 'string' || !CODE_PATTERN.test(code)) {
    throw new MoneyError(
      'invalid_currency_code',
      `${field}: ${describe(code)} is not a currency code (expected e.g. 'USD').`,
      { field, value: describe(code) },
    );
  }
  const found = getCurrency(code);
  if (found === undefined) {
    throw new MoneyError(
      'unknown_currency',
      `${field}: currency ${code} is neither in ISO 4217 nor registered with registerCurrency().`,
      { field, value: code },
    );
  }
  return found.exponent;
}

/** A short, safe rendering of any value for error messages (core's `show`). */
export { describe };
