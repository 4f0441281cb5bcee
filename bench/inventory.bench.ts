// Inventory: the four figures issue 5 asks for, each next to the baseline that says what it costs.
//
// 1. Reservation intents applied in memory: the in-memory store's `applySync` (intent checked, replay
//    key looked up, preconditions evaluated on the live state, entries folded in place with an undo
//    journal, ledger appended) on a stream of reserve / release intents over 1,000 SKUs — against the
//    whole client path (load the few records an operation reads, check the intent with the pure
//    `applyIntent`, apply it) and a floor: a Map of counters with the "available ≥ q" check and
//    nothing else (no ledger, no records, no idempotency).
// 2. Time-phased ATP over 365 periods (discrete, cumulative, look-ahead, promiseDate), and 52 / 3,650
//    periods to show linear growth; the floor is one plain running-sum loop over the same arrays.
// 3. ATP for one SKU from the folded balances with 1,000 vs 1,000,000 ledger entries behind them: the
//    same time (it reads the balance, never the ledger).
// 4. Sourcing 1,000 orders (1–5 lines) across 50 locations and 300 SKUs (priority order; nearest; three
//    weighted rules; fewest shipments), and 100 / 5,000 orders to show growth.
//
// Targets (issue 5): ≥ 1,000,000 intents/s; ≤ 10 µs for 365 periods; constant-time ATP; ≤ 50 ms for
// 1,000 × 50. Inputs are deterministic (a seeded LCG).
import { createInMemoryInventoryStore } from 'ordercore/adapters';
import {
  applyIntent,
  availableToPromise,
  cumulativeAtp,
  discreteAtp,
  foldLedger,
  type InventoryIntent,
  type InventoryState,
  type LedgerEntry,
  lookAheadAtp,
  promiseDate,
  type SourcingLocation,
  type SourcingOrder,
  sourceOrders,
  type TimePhasedInput,
} from 'ordercore/inventory';
import { runBench } from './harness.js';

function lcg(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 4294967296) * n);
  };
}

const at = '2026-11-22T10:00:00Z';

// ---------------------------------------------------------------------------------------------
// 1. Reservation intents.
const SKUS = 1_000;
const INTENTS = 100_000;
const receipts: LedgerEntry[] = Array.from({ length: SKUS }, (_, i) => ({
  id: `rcv-${i}`,
  kind: 'receipt',
  sku: `S${i}`,
  location: 'dc',
  quantity: 1_000_000,
  at,
}));

function intentStream(round: number): InventoryIntent[] {
  const intents: InventoryIntent[] = [];
  for (let i = 0; i < INTENTS; i += 1) {
    const pair = i - (i % 2);
    const sku = `S${pair % SKUS}`;
    const key = `${round}-k${i}`;
    const reservationId = `${round}-r${pair}`;
    intents.push(
      i % 2 === 0
        ? {
            key,
            kind: 'reserve',
            entries: [
              {
                id: `${key}#0`,
                kind: 'reservation',
                sku,
                location: 'dc',
                quantity: 1,
                at,
                reservationId,
                expiresAt: '2026-11-22T10:15:00Z',
                operation: key,
              },
            ],
            preconditions: [
              { kind: 'operation_absent', key },
              {
                kind: 'available_at_least',
                sku,
                location: 'dc',
                quantity: 1,
                now: at,
                safetyStock: 0,
                backorderLimit: 0,
              },
            ],
          }
        : {
            key,
            kind: 'release',
            entries: [
              { id: `${key}#0`, kind: 'release', sku, location: 'dc', quantity: -1, at, reservationId, operation: key },
            ],
            preconditions: [
              { kind: 'operation_absent', key },
              { kind: 'hold_at_least', reservationId, quantity: 1 },
            ],
          },
    );
  }
  return intents;
}

function timeOnce(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const rounds = 7;
const storeMs: number[] = [];
const pureMs: number[] = [];
const floorMs: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  const intents = intentStream(round);
  const store = createInMemoryInventoryStore({ ledger: receipts });
  storeMs.push(
    timeOnce(() => {
      for (const intent of intents) if (!store.applySync(intent).ok) throw new Error('store refused an intent');
    }),
  );
  // The client path: load the few records an operation reads from a store, check the intent on
  // that small state with the pure applyIntent (what an operation's returned state is), apply it.
  const client = createInMemoryInventoryStore({ ledger: receipts });
  pureMs.push(
    timeOnce(() => {
      for (const intent of intents) {
        const entry = intent.entries[0] as LedgerEntry;
        const state = client.loadSync({
          skus: [entry.sku],
          reservationIds: [entry.reservationId as string],
          keys: [intent.key],
        });
        if (!applyIntent(state, intent).ok || !client.applySync(intent).ok)
          throw new Error('client path refused an intent');
      }
    }),
  );
  const available = new Map(receipts.map((r) => [r.sku, r.quantity]));
  floorMs.push(
    timeOnce(() => {
      for (const intent of intents) {
        const e = intent.entries[0] as LedgerEntry;
        const left = available.get(e.sku) as number;
        if (e.kind === 'reservation' && left < e.quantity) throw new Error('floor oversold');
        available.set(e.sku, left - e.quantity);
      }
    }),
  );
}
const perSecond = (ms: number): string =>
  Math.round(INTENTS / (ms / 1000))
    .toLocaleString('en-US')
    .padStart(12);
console.log(
  `\nReservation intents applied in memory (${INTENTS.toLocaleString('en-US')} reserve/release intents over ${SKUS} SKUs, median of ${rounds} runs)`,
);
console.log(`  floor: Map counter, no ledger/records/keys  ${perSecond(median(floorMs))} intents/s`);
console.log(`  in-memory store, applySync                  ${perSecond(median(storeMs))} intents/s`);
console.log(`  client path: load, applyIntent, applySync  ${perSecond(median(pureMs))} intents/s`);

// ---------------------------------------------------------------------------------------------
// 2. Time-phased ATP.
function timePhased(periods: number): TimePhasedInput {
  const random = lcg(periods);
  return {
    onHand: 500,
    periods: Array.from({ length: periods }, (_, i) => ({
      receipts: i % 7 === 3 ? 200 + random(100) : 0,
      demand: random(60),
    })),
  };
}
const tp52 = timePhased(52);
const tp365 = timePhased(365);
const tp3650 = timePhased(3650);
function floorCumulative(input: TimePhasedInput): number {
  let running = input.onHand;
  let min = running;
  for (const p of input.periods) {
    running += p.receipts - p.demand;
    if (running < min) min = running;
  }
  return min;
}
runBench(
  'Time-phased ATP',
  [
    { name: 'floor: one running-sum loop, 365', run: () => floorCumulative(tp365) },
    { name: 'cumulativeAtp, 365', run: () => cumulativeAtp(tp365) },
    { name: 'discreteAtp, 365', run: () => discreteAtp(tp365) },
    { name: 'lookAheadAtp, 365', run: () => lookAheadAtp(tp365) },
    { name: 'promiseDate(100), 365', run: () => promiseDate(tp365, 100) },
    { name: 'lookAheadAtp, 52', run: () => lookAheadAtp(tp52) },
    { name: 'lookAheadAtp, 3,650', run: () => lookAheadAtp(tp3650) },
  ],
  { baseline: 'floor: one running-sum loop, 365', samples: 100 },
);

// ---------------------------------------------------------------------------------------------
// 3. ATP from incremental balances: 1,000 vs 1,000,000 entries behind the balance.
function ledgerOf(entries: number): InventoryState {
  const ledger: LedgerEntry[] = [
    { id: 'r-0', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 10_000_000, at },
  ];
  for (let i = 1; i < entries; i += 1) {
    ledger.push(
      i % 2 === 1
        ? { id: `e-${i}`, kind: 'reservation', sku: 'SHIRT', location: 'dc', quantity: 1, at, reservationId: `h-${i}` }
        : {
            id: `e-${i}`,
            kind: 'shipment',
            sku: 'SHIRT',
            location: 'dc',
            quantity: -1,
            at,
            reservationId: `h-${i - 1}`,
          },
    );
  }
  return foldLedger(ledger);
}
const small = ledgerOf(1_000);
const large = ledgerOf(1_000_000);
const query = { sku: 'SHIRT', location: 'dc' };
const atpOptions = { now: at };
runBench(
  'availableToPromise for one SKU from the folded balances',
  [
    { name: '1,000 ledger entries', run: () => availableToPromise(small, query, atpOptions) },
    { name: '1,000,000 ledger entries', run: () => availableToPromise(large, query, atpOptions) },
  ],
  { baseline: '1,000 ledger entries', samples: 100 },
);

// ---------------------------------------------------------------------------------------------
// 4. Sourcing.
const random = lcg(5);
const LOCATIONS = 50;
const SOURCING_SKUS = 300;
const locations: SourcingLocation[] = Array.from({ length: LOCATIONS }, (_, l) => {
  const available: Record<string, number> = {};
  for (let s = 0; s < SOURCING_SKUS; s += 1) if (random(3) !== 0) available[`P${s}`] = random(400);
  return {
    id: `loc-${String(l).padStart(2, '0')}`,
    kind: l < 5 ? 'warehouse' : l < 48 ? 'store' : 'supplier',
    available,
    priority: l,
    ...(l >= 48 ? { leadTimeDays: 5 } : {}),
    ...(l >= 5 && l < 48 ? { shipFromStore: true } : {}),
  } as SourcingLocation;
});
function ordersOf(count: number): SourcingOrder[] {
  const r = lcg(count);
  return Array.from({ length: count }, (_, o) => ({
    id: `o-${o}`,
    destination: r(100),
    lines: Array.from({ length: 1 + r(5) }, (_, l) => ({
      lineId: `${l}`,
      sku: `P${r(SOURCING_SKUS)}`,
      quantity: 1 + r(4),
    })),
  }));
}
const o100 = ordersOf(100);
const o1000 = ordersOf(1_000);
const o5000 = ordersOf(5_000);
const distance = (location: SourcingLocation, destination: unknown): number =>
  Math.abs(Number(location.id.slice(4)) * 2 - (destination as number));
const cost = (location: SourcingLocation): number => (location.kind === 'store' ? 4 : 7);
const check = sourceOrders(o1000, locations, { rules: 'priority' });
if (!check.ok) throw check.error;
runBench(
  `sourceOrders across ${LOCATIONS} locations, ${SOURCING_SKUS} SKUs`,
  [
    { name: '1,000 orders, priority', run: () => sourceOrders(o1000, locations, { rules: 'priority' }) },
    { name: '1,000 orders, nearest', run: () => sourceOrders(o1000, locations, { rules: 'nearest', distance }) },
    {
      name: '1,000 orders, 3 weighted rules',
      run: () =>
        sourceOrders(o1000, locations, {
          rules: [
            { rule: 'nearest', weight: 2 },
            { rule: 'cheapest', weight: 1 },
            { rule: 'highest_stock', weight: 1 },
          ],
          distance,
          cost,
        }),
    },
    {
      name: '1,000 orders, fewest shipments',
      run: () => sourceOrders(o1000, locations, { rules: 'priority', fewestShipments: true }),
    },
    { name: '100 orders, priority', run: () => sourceOrders(o100, locations, { rules: 'priority' }) },
    { name: '5,000 orders, priority', run: () => sourceOrders(o5000, locations, { rules: 'priority' }) },
  ],
  { baseline: '1,000 orders, priority', samples: 15, sampleMs: 0 },
);
