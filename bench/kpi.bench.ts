// KPI report throughput: `kpiReport` over 1,000,000 order records (plus costs, picking shifts,
// receipts, shipments and returns in proportion), one pass, every dashboard figure — side by side
// with the floor: a hand-written loop that reads the same fields and counts only the perfect orders
// (Date.parse on the instants, no validation, no other KPI). And merging 100 partial accumulators
// (one per shard or day) of the heaviest states: cycle-time histograms, fill rates, returns by cohort.
//
// Target (issue 7): ≥ 2,000,000 records per second on one core; merging 100 partials in microseconds.
//
// Inputs are deterministic (a seeded LCG, no Math.random).
import {
  fillRates,
  type KpiOrderRecord,
  type KpiRecord,
  kpiReport,
  orderCycleTime,
  perfectOrderRate,
  returnRateByCohort,
} from 'ordercore/kpi';
import { runBench } from './harness.js';

const RECORDS = 1_000_000;
const FROM = Date.parse('2026-01-01T00:00:00Z');

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();

function makeRecords(random: () => number): KpiRecord[] {
  const records: KpiRecord[] = [];
  for (let i = 0; i < RECORDS; i += 1) {
    const kind = random();
    const placed = FROM + Math.floor(random() * 364 * 86_400_000);
    if (kind < 0.9) {
      const lines = 1 + Math.floor(random() * 3);
      const shipped = placed + Math.floor(random() * 4 * 86_400_000);
      const delivered = shipped + Math.floor(random() * 4 * 86_400_000);
      const order: KpiOrderRecord = {
        type: 'order',
        orderId: `o-${i}`,
        placedAt: iso(placed),
        committedAt: iso(placed + 5 * 86_400_000),
        shippedAt: iso(shipped),
        deliveredAt: iso(delivered),
        lines: Array.from({ length: lines }, () => {
          const ordered = 1 + Math.floor(random() * 4);
          return { ordered, shipped: random() < 0.95 ? ordered : ordered - 1 };
        }),
        ...(random() < 0.02 ? { damaged: true } : {}),
        segment: random() < 0.5 ? 'web' : 'store',
      };
      records.push(order);
    } else if (kind < 0.94) {
      records.push({
        type: 'shipment',
        shipmentId: `s-${i}`,
        shippedAt: iso(placed),
        units: 1 + Math.floor(random() * 5),
      });
    } else if (kind < 0.96) {
      records.push({
        type: 'return',
        shipmentId: `s-${i}`,
        shippedAt: iso(placed),
        returnedAt: iso(placed + 9 * 86_400_000),
        units: 1,
      });
    } else if (kind < 0.98) {
      records.push({
        type: 'picking',
        at: iso(placed),
        employeeId: `e-${Math.floor(random() * 40)}`,
        cases: 300,
        lines: 250,
        labourHours: 7.5,
      });
    } else if (kind < 0.99) {
      records.push({
        type: 'receipt',
        receiptId: `r-${i}`,
        arrivedAt: iso(placed),
        storedAt: iso(placed + 3 * 3_600_000),
      });
    } else {
      records.push({
        type: 'cost',
        at: iso(placed),
        amount: { amount: 1000 + Math.floor(random() * 100_000), currency: 'USD' },
      });
    }
  }
  return records;
}

const records = makeRecords(lcg(2026));
const options = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

/** The floor: the perfect-order count alone, as a hand-written loop would do it. */
function floor(all: readonly KpiRecord[]): number {
  let perfect = 0;
  let judged = 0;
  for (const r of all) {
    if (r.type !== 'order' || r.committedAt === undefined || r.deliveredAt === undefined) continue;
    judged += 1;
    const onTime = Date.parse(r.deliveredAt) <= Date.parse(r.committedAt);
    let inFull = true;
    for (const line of r.lines) if (line.shipped < line.ordered) inFull = false;
    if (onTime && inFull && r.damaged !== true) perfect += 1;
  }
  return perfect / judged;
}

// Sanity: the report agrees with the floor on the perfect order rate.
const check = kpiReport(records, options);
if (!check.ok) throw check.error;
if (Math.abs((check.value.total.perfectOrderRate as number) - floor(records)) > 1e-12)
  throw new Error('report ≠ floor');
console.log(
  `\n  sanity: ${RECORDS.toLocaleString('en-US')} records; perfect order rate ${check.value.total.perfectOrderRate?.toFixed(4)}, OTIF ${check.value.total.otifRate?.toFixed(4)}`,
);

const CASE_FLOOR = 'floor: perfect-order count only (hand loop)';
const results = runBench(
  `kpiReport over ${RECORDS.toLocaleString('en-US')} records`,
  [
    { name: CASE_FLOOR, run: () => floor(records) },
    { name: 'kpiReport, groupBy none', run: () => kpiReport(records, options) },
    { name: 'kpiReport, groupBy day', run: () => kpiReport(records, { ...options, groupBy: 'day' }) },
  ],
  { baseline: CASE_FLOOR, samples: 7, sampleMs: 0 },
);
console.log('\n  records per second (median):');
for (const r of results)
  console.log(
    `    ${r.name.padEnd(48)} ${Math.round(RECORDS / (r.median / 1e9))
      .toLocaleString('en-US')
      .padStart(12)} records/s`,
  );

// 100 partial accumulators, one per shard.
const shards = 100;
const size = Math.floor(records.length / shards);
const cycle = orderCycleTime();
const fill = fillRates();
const returns = returnRateByCohort({ cohort: 'week' });
const perfect = perfectOrderRate();
const parts = Array.from({ length: shards }, (_, i) => records.slice(i * size, (i + 1) * size));
const cycleStates = parts.map((p) => cycle.add(cycle.create(), p));
const fillStates = parts.map((p) => fill.add(fill.create(), p));
const returnStates = parts.map((p) => returns.add(returns.create(), p));
const perfectStates = parts.map((p) => perfect.add(perfect.create(), p));
runBench(
  'merging 100 partial accumulators',
  [
    { name: 'perfectOrderRate (ratio)', run: () => perfectStates.reduce((a, b) => perfect.merge(a, b)) },
    { name: 'fillRates (three ratios)', run: () => fillStates.reduce((a, b) => fill.merge(a, b)) },
    { name: 'fillRates, mergeAll', run: () => fill.mergeAll(fillStates) },
    { name: 'returnRateByCohort (53 weeks), pairwise', run: () => returnStates.reduce((a, b) => returns.merge(a, b)) },
    { name: 'returnRateByCohort (53 weeks), mergeAll', run: () => returns.mergeAll(returnStates) },
    { name: 'orderCycleTime (minute histogram), pairwise', run: () => cycleStates.reduce((a, b) => cycle.merge(a, b)) },
    { name: 'orderCycleTime (minute histogram), mergeAll', run: () => cycle.mergeAll(cycleStates) },
  ],
  { baseline: 'perfectOrderRate (ratio)', samples: 50 },
);
