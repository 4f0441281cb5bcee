import { describe, expectTypeOf, it } from 'vitest';
import {
  add,
  allocate,
  compare,
  type Money,
  max,
  money,
  multiply,
  subtract,
  sum,
  toSnapshot,
} from '../../src/money/index.js';

describe('currency safety in the types', () => {
  it('keeps the currency literal through construction and arithmetic', () => {
    const usd = money('1.00', 'USD');
    expectTypeOf(usd).toEqualTypeOf<Money<'USD'>>();
    expectTypeOf(add(usd, usd)).toEqualTypeOf<Money<'USD'>>();
    expectTypeOf(multiply(usd, '0.5', 'half-even')).toEqualTypeOf<Money<'USD'>>();
    expectTypeOf(allocate(usd, [1, 2])).toEqualTypeOf<Money<'USD'>[]>();
    expectTypeOf(toSnapshot(usd).currency).toEqualTypeOf<'USD'>();
    expectTypeOf(sum([usd, usd])).toEqualTypeOf<Money<'USD'>>();
  });

  it('does not compile when currencies known to the types differ', () => {
    const usd = money('1.00', 'USD');
    const eur = money('1.00', 'EUR');
    // @ts-expect-error USD + EUR
    add(usd, eur);
    // @ts-expect-error USD - EUR
    subtract(usd, eur);
    // @ts-expect-error comparing USD with EUR
    compare(usd, eur);
    // @ts-expect-error max over mixed currencies
    max(usd, eur);
    // @ts-expect-error empty sum in another currency
    sum([usd], 'EUR');
  });

  it('accepts money whose currency is only known at run time', () => {
    const fromDatabase: Money = { amount: 100, currency: 'USD' };
    expectTypeOf(add(fromDatabase, fromDatabase)).toEqualTypeOf<Money<string>>();
  });

  it('keeps Money readonly', () => {
    const usd = money('1.00', 'USD');
    // @ts-expect-error amount is readonly
    usd.amount = 5;
  });

  it('only takes rounding mode names', () => {
    // @ts-expect-error not a mode
    multiply(money('1', 'USD'), '0.5', 'HALF_EVEN');
  });
});
