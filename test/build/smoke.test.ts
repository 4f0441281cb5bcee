import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, distFile, FORMATS, type Format, ROOT, runInNode, SPECIFIERS } from './helpers.js';

beforeAll(assertBuilt);

interface Loaded {
  /** The file each specifier resolved to, as a URL. */
  readonly resolved: Record<string, string>;
  /** Each specifier's runtime export names, sorted. */
  readonly names: Record<string, string[]>;
  /** `a -> b: name` for every name two entries both export but bind to different values. */
  readonly mismatches: string[];
}

/** Loads every entry in one process and compares what they share. */
function loadAll(format: Format): Loaded {
  return runInNode<Loaded>(
    format,
    `const specifiers = ${JSON.stringify(SPECIFIERS)};
    const modules = {};
    const resolved = {};
    const names = {};
    for (const s of specifiers) {
      modules[s] = await load(s);
      resolved[s] = resolve(s);
      names[s] = Object.keys(modules[s]).filter((n) => n !== '__esModule').sort();
    }
    const mismatches = [];
    for (const a of specifiers) {
      for (const b of specifiers) {
        if (a >= b) continue;
        for (const n of names[a]) {
          if (names[b].includes(n) && modules[a][n] !== modules[b][n]) mismatches.push(a + ' -> ' + b + ': ' + n);
        }
      }
    }
    return { resolved, names, mismatches };`,
  );
}

const loaded = new Map<Format, Loaded>();
function get(format: Format): Loaded {
  let value = loaded.get(format);
  if (value === undefined) {
    value = loadAll(format);
    loaded.set(format, value);
  }
  return value;
}

describe.each(FORMATS)('%s build', (format) => {
  it('resolves every subpath to its own built file', () => {
    const { resolved } = get(format);
    for (const specifier of SPECIFIERS) {
      expect(resolved[specifier]).toBe(new URL(distFile(specifier, format), `file://${ROOT}`).href);
    }
  });

  it('shares one copy of everything two subpaths both export', () => {
    const { names, mismatches } = get(format);
    // The root re-exports money, so the comparison is not vacuous.
    expect(names['ordercore']).toEqual(expect.arrayContaining(names['ordercore/money'] ?? ['(missing)']));
    expect(mismatches).toEqual([]);
  });

  it('computes money exactly', () => {
    const result = runInNode<Record<string, unknown>>(
      format,
      `const { allocate, money, multiply, toDecimal, toSnapshot } = await load('ordercore/money');
      return {
        decimal: toDecimal(money('12.30', 'USD')),
        snapshot: toSnapshot(money('12.30', 'USD')),
        product: toDecimal(multiply(money('19.99', 'USD'), 3)),
        tax: toDecimal(multiply(multiply(money('19.99', 'USD'), 3), '8.875%', 'half-even')),
        parts: allocate(money('10.00', 'USD'), [1, 1, 1]).map(toDecimal),
        yen: toDecimal(money('1500', 'JPY')),
      };`,
    );
    expect(result).toEqual({
      decimal: '12.30',
      snapshot: { amount: '12.30', currency: 'USD' },
      product: '59.97',
      tax: '5.32',
      parts: ['3.34', '3.33', '3.33'],
      yen: '1500',
    });
  });

  it('throws a MoneyError from ordercore/money that is an instance of the root OrdercoreError', () => {
    const result = runInNode<Record<string, unknown>>(
      format,
      `const root = await load('ordercore');
      const moneyModule = await load('ordercore/money');
      try {
        moneyModule.money('12.301', 'USD');
        return { threw: false };
      } catch (e) {
        return {
          threw: true,
          name: e.name,
          code: e.code,
          isRootOrdercoreError: e instanceof root.OrdercoreError,
          isMoneyError: e instanceof moneyModule.MoneyError,
          isRootMoneyError: e instanceof root.MoneyError,
          isError: e instanceof Error,
          recognised: root.isOrdercoreError(e),
        };
      }`,
    );
    expect(result).toEqual({
      threw: true,
      name: 'MoneyError',
      code: 'precision_loss',
      isRootOrdercoreError: true,
      isMoneyError: true,
      isRootMoneyError: true,
      isError: true,
      recognised: true,
    });
  });

  it('returns a ValidationError from ordercore/schemas that is an instance of the root classes', () => {
    const result = runInNode<Record<string, unknown>>(
      format,
      `const root = await load('ordercore');
      const { toDecimal } = await load('ordercore/money');
      const { parseMoneySnapshot } = await load('ordercore/schemas');
      const good = parseMoneySnapshot(JSON.parse('{"amount":"12.30","currency":"USD"}'));
      const bad = parseMoneySnapshot({ amount: '12.3x', currency: 'USD' });
      return {
        good: good.ok ? toDecimal(good.value) : good.error.message,
        badOk: bad.ok,
        badCode: bad.ok ? null : bad.error.code,
        isValidationError: !bad.ok && bad.error instanceof root.ValidationError,
        isOrdercoreError: !bad.ok && bad.error instanceof root.OrdercoreError,
        hasPaths: !bad.ok && bad.error.issues.some((issue) => issue.path.includes('amount')),
      };`,
    );
    expect(result).toEqual({
      good: '12.30',
      badOk: false,
      badCode: 'validation_failed',
      isValidationError: true,
      isOrdercoreError: true,
      hasPaths: true,
    });
  });

  it('keeps one currency registry across subpaths', () => {
    const result = runInNode<string>(
      format,
      `const { registerCurrency } = await load('ordercore/money');
      const root = await load('ordercore');
      registerCurrency({ code: 'QBLDPTS', exponent: 0 });
      return root.toDecimal(root.money('250', 'QBLDPTS'));`,
    );
    expect(result).toBe('250');
  });
});

describe('ESM and CJS builds', () => {
  it.each(SPECIFIERS)('%s has the same runtime exports in both formats', (specifier) => {
    const esm = get('esm').names[specifier];
    const cjs = get('cjs').names[specifier];
    expect(esm?.length).toBeGreaterThan(0);
    expect(cjs).toEqual(esm);
  });

  it('recognises an error from the CJS copy in ESM code with isOrdercoreError', () => {
    const result = runInNode<Record<string, unknown>>(
      'esm',
      `const { createRequire } = await import('node:module');
      const cjsMoney = createRequire(import.meta.url)('ordercore/money');
      const esmRoot = await load('ordercore');
      try {
        cjsMoney.money('1', 'NOPE');
        return { threw: false };
      } catch (e) {
        return { threw: true, code: e.code, recognised: esmRoot.isOrdercoreError(e) };
      }`,
    );
    expect(result).toEqual({ threw: true, code: 'unknown_currency', recognised: true });
  });
});
