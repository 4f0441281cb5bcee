import { currencyExponent } from './currencies.js';
import { MoneyError } from './errors.js';
import { assertMoney } from './internal/assert.js';
import { toDecimal } from './toDecimal.js';
import type { Money } from './types.js';

/**
 * Options for {@link format}.
 *
 * @example
 * ```ts
 * import { format, money, type FormatOptions } from 'ordercore/money';
 *
 * const options: FormatOptions = { locale: 'de-DE', currencyDisplay: 'code' };
 * format(money('1234.5', 'EUR'), options).replace(/\s/g, ' '); //=> '1.234,50 EUR'
 * ```
 */
export interface FormatOptions {
  /**
   * A BCP 47 locale. Default: `'en-US'`, never the machine's locale, so the same call prints the
   * same text on every server and browser (up to the ICU data version the runtime ships). A locale
   * the runtime does not support falls back to `'en-US'`, not to the runtime's default.
   */
  readonly locale?: string;
  /** How to show the currency: `'symbol'` ($), `'narrowSymbol'`, `'code'` (USD) or `'name'` (US dollars). Default: `'symbol'`. */
  readonly currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
  /** `'standard'` (-$1.00) or `'accounting'` (($1.00)). Default: `'standard'`. */
  readonly currencySign?: 'standard' | 'accounting';
  /** When to show the sign. Default: `'auto'`. */
  readonly signDisplay?: 'auto' | 'always' | 'exceptZero' | 'never' | 'negative';
  /** Whether to group thousands. Default: `true`. */
  readonly useGrouping?: boolean;
}

// Building an Intl.NumberFormat costs far more than using one; keep a bounded set of them.
const FORMATTER_CACHE_LIMIT = 64;
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, exponent: number, options: FormatOptions | undefined): Intl.NumberFormat {
  const requested = options?.locale ?? 'en-US';
  const isoLike = /^[A-Z]{3}$/.test(currency);
  const key = JSON.stringify([
    requested,
    isoLike ? currency : '',
    exponent,
    options?.currencyDisplay,
    options?.currencySign,
    options?.signDisplay,
    options?.useGrouping,
  ]);
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    const common: Intl.NumberFormatOptions = {
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
      signDisplay: options?.signDisplay ?? 'auto',
      useGrouping: options?.useGrouping ?? true,
    };
    try {
      // Intl silently falls back to the runtime's default locale for a locale it lacks (browsers ship
      // only part of ICU); fall back to en-US explicitly instead, so the output never depends on the
      // machine or the shopper's browser settings.
      const locale = Intl.NumberFormat.supportedLocalesOf([requested]).length > 0 ? requested : 'en-US';
      formatter = isoLike
        ? new Intl.NumberFormat(locale, {
            ...common,
            style: 'currency',
            currency,
            currencyDisplay: options?.currencyDisplay ?? 'symbol',
            currencySign: options?.currencySign ?? 'standard',
          })
        : new Intl.NumberFormat(locale, common);
    } catch (cause) {
      throw new MoneyError(
        'invalid_argument',
        `options: the runtime refused these format options (${String(cause)}).`,
        {
          field: 'options.locale',
        },
      );
    }
    if (formatters.size >= FORMATTER_CACHE_LIMIT) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats money for people with `Intl.NumberFormat`: the locale's digits, separators and currency
 * symbol, with exactly the currency's decimals. The amount is handed to `Intl` as an exact decimal
 * string, so large amounts print digit for digit.
 *
 * Custom currencies that are not three letters (`'POINTS'`) print as the number followed by the code.
 *
 * @param value - The money.
 * @param options - {@link FormatOptions}; the locale defaults to `'en-US'`.
 * @returns The formatted text.
 * @throws {@link MoneyError} `invalid_argument` for an unusable locale or option, `unknown_currency`.
 * @example
 * ```ts
 * import { format, money } from 'ordercore/money';
 *
 * format(money('1234.5', 'USD')); //=> '$1,234.50'
 * format(money('-5', 'USD'), { currencySign: 'accounting' }); //=> '($5.00)'
 * format(money('1500', 'JPY'), { locale: 'ja-JP' }); //=> '￥1,500'
 * ```
 */
export function format(value: Money, options?: FormatOptions): string {
  assertMoney(value, 'value');
  const exponent = currencyExponent(value.currency, 'value.currency');
  const formatter = formatterFor(value.currency, exponent, options);
  // Intl formats decimal strings exactly (ES2023); the cast is for older lib typings.
  const text = formatter.format(toDecimal(value) as unknown as number);
  return /^[A-Z]{3}$/.test(value.currency) ? text : `${text} ${value.currency}`;
}
