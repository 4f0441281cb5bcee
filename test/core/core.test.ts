import { describe, expect, it } from 'vitest';
import { err, isOrdercoreError, OrdercoreError, ok, ValidationError } from '../../src/core/index.js';

describe('Result', () => {
  it('builds both branches as plain data', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(err('x')).toEqual({ ok: false, error: 'x' });
    expect(JSON.parse(JSON.stringify(ok({ a: [1] })))).toEqual({ ok: true, value: { a: [1] } });
  });
});

describe('errors', () => {
  it('carry a code, a message and details, and serialise to plain data', () => {
    const e = new OrdercoreError('insufficient_stock', 'sku A: requested 5, available 3', {
      requested: 5,
      available: 3,
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('OrdercoreError');
    expect(e.toJSON()).toEqual({
      name: 'OrdercoreError',
      code: 'insufficient_stock',
      message: 'sku A: requested 5, available 3',
      details: { requested: 5, available: 3 },
    });
  });

  it('are recognised by brand even without instanceof', () => {
    const e = new OrdercoreError('x', 'x');
    expect(isOrdercoreError(e)).toBe(true);
    expect(isOrdercoreError(Object.create(e))).toBe(true);
    for (const other of [new Error('x'), { code: 'x' }, null, undefined, 'x'])
      expect(isOrdercoreError(other)).toBe(false);
  });

  it('ValidationError lists every issue with its path in the message', () => {
    const e = new ValidationError([
      { path: ['lines', 0, 'quantity'], code: 'too_small', message: 'must be at least 1' },
      { path: [], code: 'unrecognized_keys', message: 'unknown key "x"' },
    ]);
    expect(e.code).toBe('validation_failed');
    expect(e.issues).toHaveLength(2);
    expect(e.message).toBe('Invalid input: lines.0.quantity: must be at least 1; (root): unknown key "x"');
    expect(e).toBeInstanceOf(OrdercoreError);
    expect(e.details).toEqual({ issues: e.issues });
  });
});
