import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/core/result.js';
import {
  commitReservation,
  expireReservations,
  extendReservation,
  foldLedger,
  type InventoryError,
  type InventoryOperation,
  releaseAllocation,
  releaseReservation,
  reserve,
  reserveBatch,
  shipAllocation,
} from '../../src/inventory/index.js';
import {
  parseCommitReservationRequest,
  parseExpireReservationsRequest,
  parseExtendReservationRequest,
  parseReleaseAllocationRequest,
  parseReleaseReservationRequest,
  parseReserveBatchRequest,
  parseReserveRequest,
  parseShipAllocationRequest,
} from '../../src/schemas/index.js';
import { anything, checkNeverThrows, pathsOf, replaceAt } from './neverThrow.js';

const NOW = '2026-11-22T10:00:00Z';
const state = foldLedger([
  { id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 50, at: '2026-11-22T09:00:00Z' },
  {
    id: 'e-2',
    kind: 'reservation',
    sku: 'SHIRT',
    location: 'dc',
    quantity: 5,
    at: '2026-11-22T09:00:00Z',
    reservationId: 'r-1',
  },
  {
    id: 'e-3',
    kind: 'allocation',
    sku: 'SHIRT',
    location: 'dc',
    quantity: 5,
    at: '2026-11-22T09:00:00Z',
    allocationId: 'a-1',
  },
]);

type Parser = (input: unknown) => Result<unknown, unknown>;
type Operation = (
  s: typeof state,
  request: never,
  options: { now: string },
) => Result<InventoryOperation, InventoryError>;

/** Each parser with a valid request, and the operation it guards. */
const cases: [string, Parser, unknown, Operation][] = [
  [
    'reserve',
    parseReserveRequest,
    {
      key: 'k',
      reservationId: 'r-9',
      sku: 'SHIRT',
      locations: ['dc', 'store'],
      quantity: 2,
      expiresAt: '2026-11-22T11:00:00Z',
      owner: 'cart-1',
      reference: 'line-1',
    },
    reserve as Operation,
  ],
  [
    'reserveBatch',
    parseReserveBatchRequest,
    {
      key: 'k',
      lines: [
        { reservationId: 'r-8', sku: 'SHIRT', location: 'dc', quantity: 1 },
        { reservationId: 'r-9', sku: 'SHIRT', locations: ['dc'], quantity: 2, expiresAt: '2026-11-22T11:00:00Z' },
      ],
    },
    reserveBatch as Operation,
  ],
  [
    'extend',
    parseExtendReservationRequest,
    { key: 'k', reservationId: 'r-1', expiresAt: '2026-11-22T11:00:00Z' },
    extendReservation as Operation,
  ],
  [
    'release',
    parseReleaseReservationRequest,
    { key: 'k', reservationId: 'r-1', quantity: 2, reason: 'cancelled' },
    releaseReservation as Operation,
  ],
  [
    'commit',
    parseCommitReservationRequest,
    { key: 'k', reservationId: 'r-1', quantity: 2, into: 'allocation', allocationId: 'a-2' },
    commitReservation as Operation,
  ],
  ['expire', parseExpireReservationsRequest, { key: 'k', skus: ['SHIRT', 'MUG'] }, expireReservations as Operation],
  [
    'releaseAllocation',
    parseReleaseAllocationRequest,
    { key: 'k', sku: 'SHIRT', location: 'dc', allocationId: 'a-1', quantity: 1, reason: 'cancelled' },
    releaseAllocation as Operation,
  ],
  [
    'shipAllocation',
    parseShipAllocationRequest,
    { key: 'k', sku: 'SHIRT', location: 'dc', allocationId: 'a-1', quantity: 1, reference: 'parcel' },
    shipAllocation as Operation,
  ],
];

const codes = (r: Result<unknown, unknown>): string[] =>
  r.ok
    ? []
    : (r.error as { issues: { path: (string | number)[]; code: string }[] }).issues.map(
        (i) => `${i.path.join('.')}:${i.code}`,
      );

describe('reservation request schemas', () => {
  it.each(cases)(
    '%s: the valid request parses to itself, and the operation accepts it',
    (_, parse, valid, operation) => {
      const r = parse(structuredClone(valid));
      expect(r).toEqual({ ok: true, value: valid });
      expect(operation(state, valid as never, { now: NOW }).ok).toBe(true);
    },
  );

  it('names the field and the reason', () => {
    const line = { reservationId: 'r-1', sku: 'SHIRT', location: 'dc', quantity: 1 };
    const { location: _location, ...noPlace } = line;
    expect(codes(parseReserveRequest({ key: 'k', ...noPlace }))).toEqual(['location:required']);
    expect(codes(parseReserveRequest({ key: 'k', ...line, locations: ['dc'] }))).toEqual([
      'locations:location_conflict',
    ]);
    expect(codes(parseReserveRequest({ key: 'k', ...noPlace, locations: ['dc', 'dc'] }))).toEqual([
      'locations.1:duplicate',
    ]);
    expect(codes(parseReserveRequest({ key: 'k', ...noPlace, locations: [] }))).toEqual(['locations:too_small']);
    expect(codes(parseReserveRequest({ key: 'k', ...line, expiresAt: '2026-11-22T11:00' }))).toEqual([
      'expiresAt:invalid_instant',
    ]);
    expect(codes(parseReserveRequest({ key: 'k', ...line, extra: 1 }))).toEqual([':unrecognized_keys']);
    expect(codes(parseReserveBatchRequest({ key: 'b', lines: [line, line] }))).toEqual([
      'lines.1.reservationId:duplicate',
    ]);
    expect(codes(parseReserveBatchRequest({ key: 'b', lines: [] }))).toEqual(['lines:too_small']);
    expect(
      codes(parseCommitReservationRequest({ key: 'c', reservationId: 'r', into: 'shipment', allocationId: 'a' })),
    ).toEqual(['allocationId:not_allowed']);
    expect(codes(parseExpireReservationsRequest({ key: 'e', skus: ['A', 'A'] }))).toEqual(['skus.1:duplicate']);
    for (const quantity of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '1', null])
      expect(parseReleaseReservationRequest({ key: 'c', reservationId: 'r', quantity }).ok).toBe(false);
  });

  it("refuses inherited fields and keeps '__proto__' ids as data", () => {
    expect(
      parseReserveRequest(Object.create({ key: 'k', reservationId: 'r', sku: 'S', location: 'dc', quantity: 1 })).ok,
    ).toBe(false);
    const r = parseReserveRequest(
      JSON.parse(
        '{"key":"__proto__","reservationId":"__proto__","sku":"__proto__","location":"__proto__","quantity":1}',
      ),
    );
    expect(r.ok && r.value.sku).toBe('__proto__');
    expect(
      parseReserveRequest(
        JSON.parse('{"__proto__":{"key":"k"},"reservationId":"r","sku":"S","location":"dc","quantity":1}'),
      ).ok,
    ).toBe(false);
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(anything, (input) => {
        for (const [, parse] of cases) checkNeverThrows(parse(input) as never);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a valid request with any part replaced, and agrees with the operation', () => {
    const paths = cases.map(([, , valid]) => pathsOf(valid));
    fc.assert(
      fc.property(fc.nat({ max: cases.length - 1 }), fc.nat(), anything, (which, at, replacement) => {
        const [, parse, valid, operation] = cases[which] as (typeof cases)[number];
        const candidates = paths[which] ?? [];
        const input = replaceAt(valid, candidates[at % candidates.length] ?? [], replacement);
        const parsed = parse(input);
        checkNeverThrows(parsed as never);
        // The operation never throws either, and a request the schema accepts is never refused as
        // malformed by the operation (the schema is at least as strict as the operation's own checks).
        const result = operation(state, input as never, { now: NOW });
        if (parsed.ok && !result.ok) expect(result.error.code).not.toBe('invalid_request');
        if (!result.ok && result.error.code === 'invalid_request') expect(parsed.ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
