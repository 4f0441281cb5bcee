import { describe, expect, it } from 'vitest';
import { AdapterError, createCounterIdGenerator, createManualClock } from '../../src/adapters/index.js';

describe('createManualClock', () => {
  it('is fixed by default, steps after each reading when asked, and is moved by hand', () => {
    const fixed = createManualClock('2026-11-22T10:00:00Z');
    expect([fixed.now(), fixed.now()]).toEqual(['2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z']);
    const stepping = createManualClock('2026-11-22T23:59:59+00:00', { stepMs: 500 });
    expect([stepping.now(), stepping.now(), stepping.now()]).toEqual([
      '2026-11-22T23:59:59.000Z',
      '2026-11-22T23:59:59.500Z',
      '2026-11-23T00:00:00.000Z',
    ]);
    expect(stepping.advance(60_000)).toBe('2026-11-23T00:01:00.500Z');
    expect(stepping.set('2026-11-23T02:01:00.500+02:00')).toBe('2026-11-23T00:01:00.500Z'); // the same instant: allowed
    expect(stepping.set('2026-12-01T00:00:00Z')).toBe('2026-12-01T00:00:00.000Z');
  });

  it('never goes backwards and refuses malformed input with a typed error', () => {
    const clock = createManualClock('2026-11-22T10:00:00Z');
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return e instanceof AdapterError ? `${e.code}:${String(e.details['field'])}` : 'other';
      }
      return 'none';
    };
    expect(code(() => clock.set('2026-11-22T09:59:59Z'))).toBe('invalid_request:instant');
    expect(code(() => clock.advance(-1))).toBe('invalid_request:ms');
    expect(code(() => clock.advance(0.5))).toBe('invalid_request:ms');
    expect(code(() => createManualClock('2026-11-22T10:00:00'))).toBe('invalid_request:start'); // no offset
    expect(code(() => createManualClock('2026-02-30T10:00:00Z'))).toBe('invalid_request:start');
    expect(code(() => createManualClock(42 as never))).toBe('invalid_request:start');
    expect(code(() => createManualClock('2026-11-22T10:00:00Z', { stepMs: Number.NaN }))).toBe(
      'invalid_request:stepMs',
    );
    expect(code(() => createManualClock('2026-11-22T10:00:00Z', 'x' as never))).toBe('invalid_request:options');
    expect(clock.now()).toBe('2026-11-22T10:00:00.000Z');
  });
});

describe('createCounterIdGenerator', () => {
  it('counts per prefix, pads, and two generators made alike agree', () => {
    const a = createCounterIdGenerator({ prefix: 'x', pad: 2 });
    const b = createCounterIdGenerator({ prefix: 'x', pad: 2 });
    const seq = (g: typeof a) => [g.next(), g.next('order'), g.next(), g.next('__proto__'), g.next('order')];
    expect(seq(a)).toEqual(['x-01', 'order-01', 'x-02', '__proto__-01', 'order-02']);
    expect(seq(b)).toEqual(seq(createCounterIdGenerator({ prefix: 'x', pad: 2 })));
    const ids = createCounterIdGenerator();
    const many = Array.from({ length: 1000 }, () => ids.next());
    expect(new Set(many).size).toBe(1000);
    expect(many[999]).toBe('id-1000');
  });

  it('refuses malformed options and prefixes with a typed error', () => {
    expect(() => createCounterIdGenerator({ prefix: '' })).toThrow(AdapterError);
    expect(() => createCounterIdGenerator({ pad: 17 })).toThrow(/pad/);
    expect(() => createCounterIdGenerator(null as never)).toThrow(/options/);
    expect(() => createCounterIdGenerator().next(7 as never)).toThrow(/prefix/);
  });
});
