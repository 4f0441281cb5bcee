// ordercore/money, computed in Node and in Chromium; the two results must be byte-identical.
//
// Everything except the `intl` key is compared byte for byte. Locale-sensitive `format` output goes
// under `intl` and is compared separately, differences reported but not failed on: it comes from the
// runtime's ICU data, which Node (bundled ICU) and Chromium (its own, trimmed ICU) update on their own
// schedules. Observed here (Node 20.20 / ICU 78.2 vs Debian Chromium 156): identical for every locale
// below, but Chromium ships only a subset of ICU's locales and silently formats an unsupported one
// (e.g. is-IS, cy-GB, yue-HK) in the browser's default locale, where Node has full ICU. The strict
// part keeps only en-US with `useGrouping: false`, which exercises ordercore's own logic (exact
// decimal string handed to Intl, sign, fraction digits, non-ISO suffix) and no locale data.
import { attempt, lcg } from '../harness/kit.mjs';

export const subpaths = ['money'];

const ISO = ['USD', 'EUR', 'JPY', 'KWD', 'CLF', 'BHD', 'CHF'];

/** @param {{ money: typeof import('ordercore/money') }} lib */
export async function run({ money: m }) {
  const { allocate, divide, format, fromMinor, fromSnapshot, money, multiply, percentageOf, toDecimal, toSnapshot } = m;
  const tryIt = (fn) => attempt(fn, m.MoneyError);
  const modes = m.ROUNDING_MODES;
  const usd = (amount) => money(amount, 'USD');

  // A custom currency, registered the same way on both sides.
  m.registerCurrency({ code: 'POINTS', exponent: 0 });
  m.registerCurrency({ code: 'MILLI', exponent: 12 });

  const construction = {
    strings: ['12.30', '-0.01', '0', '-0', '90071992547409.91', '1e2', '1.5e-2', '000123.4500'].map((s) => [
      s,
      tryIt(() => usd(s)),
    ]),
    numbers: [12.3, -0.01, 0, -0, 1500, 1e-2, 0.1 + 0.2, 2 ** 53].map((n) => [n, tryIt(() => usd(n))]),
    bigints: [0n, 1n, -42n, 90071992547409n, 90071992547410n].map((b) => [String(b), tryIt(() => usd(b))]),
    currencies: ISO.concat('POINTS', 'MILLI').map((c) => [
      c,
      tryIt(() => money('1234.5678', c, { rounding: 'half-even' })),
    ]),
    fromMinor: [1230, -5, 0, -0, '9007199254740991', '-9007199254740991', 9007199254740991n, '9007199254740992'].map(
      (v) => [String(v), tryIt(() => fromMinor(v, 'KWD'))],
    ),
  };

  // Every mode on ties (x.5 minor units, both signs) and on values just either side of a tie.
  const ties = ['0.125', '-0.125', '0.135', '-0.135', '0.124', '0.126', '-0.126', '0.005', '-0.005', '2.5'];
  const rounding = Object.fromEntries(
    modes.map((mode) => [
      mode,
      {
        money: ties.map((s) => tryIt(() => money(s, 'USD', { rounding: mode }))),
        jpy: ['2.5', '-2.5', '3.5', '-3.5', '0.5', '-0.5'].map((s) => tryIt(() => money(s, 'JPY', { rounding: mode }))),
        multiply: [
          tryIt(() => multiply(usd('0.25'), '0.5', mode)),
          tryIt(() => multiply(usd('-0.25'), '0.5', mode)),
          tryIt(() => multiply(usd('0.35'), '0.5', mode)),
          tryIt(() => multiply(usd('19.99'), '8.875%', mode)),
          tryIt(() => multiply(usd('-19.99'), '8.875%', mode)),
          tryIt(() => multiply(usd('100.00'), 0.07, mode)),
          tryIt(() => multiply(usd('0.01'), '0.4999999999999999999', mode)),
          tryIt(() => multiply(fromMinor(9007199254740991, 'USD'), '0.5', mode)),
          tryIt(() => multiply(money('1', 'MILLI'), '0.0000000000005', mode)),
        ],
        divide: [
          tryIt(() => divide(usd('1.00'), 3, mode)),
          tryIt(() => divide(usd('-1.00'), 3, mode)),
          tryIt(() => divide(usd('-0.05'), 2, mode)),
          tryIt(() => divide(usd('0.05'), 2, mode)),
          tryIt(() => divide(usd('10.00'), '0.3', mode)),
          tryIt(() => divide(usd('10.00'), '-7', mode)),
          tryIt(() => divide(money('100', 'JPY'), '3.3333', mode)),
        ],
        percentageOf: [
          tryIt(() => percentageOf(usd('1.00'), usd('3.00'), { rounding: mode })),
          tryIt(() => percentageOf(usd('-1.00'), usd('8.00'), { decimals: 1, rounding: mode })),
          tryIt(() => percentageOf(usd('2.00'), usd('3.00'), { decimals: 0, rounding: mode })),
        ],
      },
    ]),
  );

  const allocation = [
    [usd('10.00'), [1, 1, 1]],
    [usd('-10.00'), [1, 1, 1]],
    [usd('-0.05'), [50, 30, 20]],
    [usd('0.05'), [50, 30, 20]],
    [money('100', 'JPY'), ['0.7', 0, '0.3']],
    [usd('100.00'), ['0.333', '0.333', '0.334']],
    [usd('100.00'), [0.1, 0.2, 0.7]],
    [usd('1.00'), ['33.33%', '33.33%', '33.34%']],
    [usd('0.01'), [1, 1, 1, 1]],
    [usd('-0.01'), [1, 1, 1, 1]],
    [usd('0.00'), [0, 0]],
    [fromMinor(9007199254740991, 'USD'), [1, 2, 3]],
    [fromMinor(-9007199254740991, 'USD'), ['0.000001', '1e6', 7n]],
    [money('-7.777', 'KWD'), [3, 3, 3]],
    // Errors: empty, negative, non-numeric, all-zero with a non-zero total.
    [usd('1.00'), []],
    [usd('1.00'), [-1, 2]],
    [usd('1.00'), ['abc']],
    [usd('1.00'), [0, 0]],
  ].map(([total, weights]) => ({ total, weights: weights.map(String), parts: tryIt(() => allocate(total, weights)) }));

  const splits = [
    [usd('10.00'), 3],
    [usd('-0.07'), 4],
    [money('5', 'JPY'), 7],
    [usd('1.00'), 0],
  ].map(([total, count]) => tryIt(() => m.splitEvenly(total, count)));

  const snapshots = [
    usd('12.3'),
    usd('-0.01'),
    money('1500', 'JPY'),
    money('-0.005', 'KWD'),
    money('1.2345', 'CLF'),
    money('250', 'POINTS'),
    money('0.000000000001', 'MILLI'),
    fromMinor(9007199254740991, 'USD'),
  ].map((value) => {
    const snapshot = toSnapshot(value);
    return { snapshot, decimal: toDecimal(value), back: fromSnapshot(JSON.parse(JSON.stringify(snapshot))) };
  });

  // en-US without grouping: ordercore's own formatting logic, no locale data beyond en-US's basics.
  const plain = { locale: 'en-US', useGrouping: false };
  const formatStrict = [
    [usd('1234.5'), plain],
    [usd('-1234.5'), plain],
    [usd('0'), plain],
    [usd('-0.01'), { ...plain, currencySign: 'accounting' }],
    [usd('5'), { ...plain, signDisplay: 'always' }],
    [usd('0'), { ...plain, signDisplay: 'exceptZero' }],
    [usd('-5'), { ...plain, signDisplay: 'never' }],
    [fromMinor(9007199254740991, 'USD'), plain],
    [fromMinor(-9007199254740991, 'JPY'), plain],
    [money('1.005', 'KWD'), { ...plain, currencyDisplay: 'code' }],
    [money('1.2345', 'CLF'), { ...plain, currencyDisplay: 'code' }],
    [money('1234.56', 'EUR'), plain],
    [money('12345', 'POINTS'), plain],
    [money('0.000000000001', 'MILLI'), plain],
  ].map(([value, options]) => [value, options, tryIt(() => format(value, options))]);

  const errors = {
    precisionLoss: tryIt(() => usd('0.125')),
    floatNoise: tryIt(() => usd(0.1 + 0.2)),
    invalidAmount: ['abc', '', ' 1', '1,000.00', 'NaN', 'Infinity', '0x10', '1e'].map((s) => tryIt(() => usd(s))),
    nonFinite: [Number.NaN, Number.POSITIVE_INFINITY].map((n) => tryIt(() => usd(n))),
    unknownCurrency: tryIt(() => money('1', 'XYZ')),
    invalidCurrencyCode: [tryIt(() => money('1', 'usd')), tryIt(() => m.registerCurrency({ code: 'x', exponent: 2 }))],
    currencyConflict: tryIt(() => m.registerCurrency({ code: 'POINTS', exponent: 2 })),
    currencyMismatch: tryIt(() => m.add(usd('1'), money('1', 'EUR'))),
    roundingRequired: [tryIt(() => multiply(usd('0.01'), '0.5')), tryIt(() => divide(usd('1.00'), 3))],
    invalidRoundingMode: [
      tryIt(() => multiply(usd('0.01'), '0.5', 'banker')),
      tryIt(() => money('1.005', 'USD', { rounding: 'HALF_UP' })),
    ],
    divisionByZero: [
      tryIt(() => divide(usd('1.00'), 0)),
      tryIt(() => divide(usd('1.00'), '-0.000')),
      tryIt(() => percentageOf(usd('1.00'), usd('0'))),
    ],
    outOfRange: [
      tryIt(() => fromMinor('9007199254740992', 'USD')),
      tryIt(() => multiply(fromMinor(9007199254740991, 'USD'), 2)),
      tryIt(() => m.add(fromMinor(9007199254740991, 'USD'), usd('0.01'))),
      tryIt(() => usd('90071992547409.92')),
    ],
    invalidRate: ['abc', '1.2.3', '', '%', '1e99999', Number.NaN, Number.POSITIVE_INFINITY].map((r) =>
      tryIt(() => multiply(usd('1.00'), r, 'half-even')),
    ),
    invalidArgument: [
      tryIt(() => toSnapshot({ amount: 1.5, currency: 'USD' })),
      tryIt(() => fromSnapshot({ amount: 12.3, currency: 'USD' })),
      tryIt(() => format(usd('1'), { locale: 'not a locale!' })),
      tryIt(() => percentageOf(usd('1'), usd('3'), { decimals: 21 })),
      tryIt(() => m.splitEvenly(usd('1'), 1.5)),
    ],
  };

  return {
    construction,
    rounding,
    allocation,
    splits,
    snapshots,
    format: formatStrict,
    errors,
    random: randomCases(m, tryIt),
    intl: intlFormats(m, tryIt),
  };
}

/** A few hundred seeded pseudo-random cases, each recorded with its inputs so a mismatch is readable. */
function randomCases(m, tryIt) {
  const rng = lcg(0x0bc0de);
  const currencies = ['USD', 'USD', 'EUR', 'JPY', 'KWD', 'CLF'];
  const amount = () => {
    const sign = rng.int(4) === 0 ? -1 : 1;
    const magnitude = rng.pick([() => rng.int(100), () => rng.int(1_000_000), () => rng.safeInteger()])();
    return sign * magnitude + 0; // `+ 0` turns -0 into 0: fromMinor's input, not its output, is the point here
  };
  const rate = () => {
    const sign = rng.int(5) === 0 ? '-' : '';
    const body = `${rng.int(1000)}${rng.int(2) === 0 ? '' : `.${rng.digits(rng.between(1, 8))}`}`;
    return rng.pick([`${sign}${body}`, `${body}%`, Number(`${sign}${body}`), `${sign}${body}e-${rng.int(4)}`]);
  };
  const cases = [];
  for (let i = 0; i < 400; i++) {
    const currency = rng.pick(currencies);
    const value = m.fromMinor(amount(), currency);
    const mode = rng.pick(m.ROUNDING_MODES);
    const op = rng.pick(['multiply', 'divide', 'allocate', 'percentageOf', 'money', 'sum', 'snapshot']);
    let args;
    let result;
    switch (op) {
      case 'multiply': {
        const factor = rate();
        args = [value, factor, mode];
        result = tryIt(() => m.multiply(value, factor, mode));
        break;
      }
      case 'divide': {
        const divisor = rate();
        args = [value, divisor, mode];
        result = tryIt(() => m.divide(value, divisor, mode));
        break;
      }
      case 'allocate': {
        const weights = Array.from({ length: rng.between(1, 7) }, () =>
          rng.pick([rng.int(100), `${rng.int(10)}.${rng.digits(3)}`, `${rng.int(50)}%`, 0]),
        );
        args = [value, weights];
        result = tryIt(() => m.allocate(value, weights));
        break;
      }
      case 'percentageOf': {
        const whole = m.fromMinor(amount(), currency);
        const options = { decimals: rng.int(8), rounding: mode };
        args = [value, whole, options];
        result = tryIt(() => m.percentageOf(value, whole, options));
        break;
      }
      case 'money': {
        const text = `${rng.int(3) === 0 ? '-' : ''}${rng.int(100000)}.${rng.digits(rng.between(0, 9))}`;
        args = [text, currency, mode];
        result = tryIt(() => m.money(text, currency, { rounding: mode }));
        break;
      }
      case 'sum': {
        const other = m.fromMinor(amount(), currency);
        args = [value, other];
        result = tryIt(() => ({
          add: m.add(value, other),
          subtract: m.subtract(value, other),
          compare: m.compare(value, other),
        }));
        break;
      }
      default: {
        args = [value];
        result = tryIt(() => {
          const snapshot = m.toSnapshot(value);
          return { snapshot, back: m.fromSnapshot(snapshot), format: m.format(value, { useGrouping: false }) };
        });
      }
    }
    cases.push({ i, op, args, result });
  }
  return cases;
}

/** Locale-sensitive output: depends on ICU data, compared separately (see the header comment). */
function intlFormats(m, tryIt) {
  const locales = ['en-US', 'en-GB', 'en-IN', 'de-DE', 'de-CH', 'fr-FR', 'fr-CH', 'ja-JP', 'ar-EG', 'hi-IN'];
  const moreLocales = ['es-MX', 'pt-BR', 'nl-NL', 'sv-SE', 'pl-PL', 'zh-CN', 'ko-KR', 'he-IL', 'tr-TR', 'ru-RU'];
  const values = [m.money('-1234567.891', 'KWD'), m.money('1234.5', 'USD'), m.money('-1500', 'JPY')];
  const displays = ['symbol', 'narrowSymbol', 'code', 'name'];
  const out = {
    supportedLocales: Intl.NumberFormat.supportedLocalesOf(locales.concat(moreLocales)),
    formats: {},
  };
  for (const locale of locales.concat(moreLocales)) {
    for (const currencyDisplay of displays) {
      out.formats[`${locale} ${currencyDisplay}`] = values.map((value) =>
        tryIt(() => m.format(value, { locale, currencyDisplay })),
      );
    }
    out.formats[`${locale} accounting`] = values.map((value) =>
      tryIt(() => m.format(value, { locale, currencySign: 'accounting', signDisplay: 'always' })),
    );
  }
  return out;
}
