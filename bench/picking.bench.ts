// Picking: routing quality and speed, batching quality and speed, on generated benchmark-style
// instances (issue 6): a single-block warehouse of 10 aisles × 90 locations (45 cells per side,
// 1 m cells, 5 m between aisle centre lines, depot in front of the first aisle), orders of 5–25
// items at distinct locations, capacities 30–75 items, uniform or class-based (ABC) storage —
// `pickingInstance` from ordercore/testing, seeded, so every run sees the same instances.
//
// Printed:
// 1. routing quality: for each policy, the ratio of its route length to the optimal route
//    (Ratliff & Rosenthal) on pick lists of 10, 30 and 50 picks (mean and median over the lists);
// 2. batching quality: for each method, the improvement over FCFS (1 − L / L_fcfs) on 20–100-order
//    instances, and the gap to the exact optimum (L / L_exact − 1) on instances of 12 orders;
// 3. speed: routing a 50-pick list per policy (interleaved samples, medians), batching 100 orders
//    with savings + local search, and how that grows to 1,000 orders.
//
// Published figures for orientation (issue 6): savings ≈ 20 % shorter than FCFS; metaheuristics
// 1–6 % better than savings and within ≈ 1 % of optimal; largest gap ≈ 8–14 % and S-shape
// ≈ 10–12 % above optimal routing. Targets: iterated local search within 2 % of the exact optimum
// on small instances and ≥ 15 % better than FCFS on 20–100 orders; S-shape / largest gap ≤ 5 µs
// and optimal ≤ 50 µs for 50 picks; 100 orders (savings + local search) ≤ 1 s.
import { performance } from 'node:perf_hooks';
import {
  BATCHING_METHODS,
  type BatchingMethod,
  type BatchOrdersOptions,
  batchOrders,
  type Pick,
  ROUTING_POLICIES,
  type RoutingPolicy,
  routeLength,
  type WarehouseLayout,
} from 'ordercore/picking';
import { pickingInstance } from 'ordercore/testing';
import { runBench } from './harness.js';

type Storage = 'uniform' | 'class_based';
const STORAGES: readonly Storage[] = ['uniform', 'class_based'];

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
const pct = (x: number): string => `${(x * 100).toFixed(1).padStart(5)} %`;

/** Pick lists of `size` distinct locations drawn by the instance generator (one order of that size each). */
function pickLists(size: number, count: number, storage: Storage): { layout: WarehouseLayout; lists: Pick[][] } {
  const instance = pickingInstance({
    seed: 1000 + size,
    orders: count,
    minItems: size,
    maxItems: size,
    storage,
    capacity: 75,
  });
  return { layout: instance.layout, lists: instance.orders.map((o) => [...o.picks]) };
}

function routingQuality(): void {
  console.log('\nRouting quality: route length / optimal route length (mean, median over 300 pick lists)');
  console.log(
    `  ${'storage'.padEnd(12)}${'picks'.padStart(6)}  ${ROUTING_POLICIES.map((p) => p.padStart(17)).join('')}`,
  );
  for (const storage of STORAGES) {
    for (const size of [10, 30, 50]) {
      const { layout, lists } = pickLists(size, 300, storage);
      const optimal = lists.map((l) => routeLength(layout, l, 'optimal'));
      const cells = ROUTING_POLICIES.map((policy) => {
        const ratios = lists.map((l, i) => routeLength(layout, l, policy) / (optimal[i] as number));
        return `${mean(ratios).toFixed(3)} / ${median(ratios).toFixed(3)}`.padStart(17);
      });
      console.log(`  ${storage.padEnd(12)}${String(size).padStart(6)}  ${cells.join('')}`);
    }
  }
}

const HEURISTICS: readonly BatchingMethod[] = BATCHING_METHODS.filter((m) => m !== 'exact');

function run(instance: ReturnType<typeof pickingInstance>, options: Omit<BatchOrdersOptions, 'capacity'>): number {
  const r = batchOrders(instance.layout, instance.orders, { ...options, capacity: instance.capacity });
  if (!r.ok) throw r.error;
  return r.value.totalLength;
}

function batchingQuality(policy: RoutingPolicy, instances: number): void {
  console.log(
    `\nBatching quality under ${policy} routing: improvement over FCFS (mean, median) on ${instances} instances per storage, 20–100 orders, capacity 30–75`,
  );
  for (const storage of STORAGES) {
    const improvements = new Map<BatchingMethod, number[]>(HEURISTICS.map((m) => [m, []]));
    let ilsMs = 0;
    for (let seed = 1; seed <= instances; seed++) {
      const instance = pickingInstance({ seed, storage });
      const fcfs = run(instance, { policy, method: 'fcfs' });
      for (const method of HEURISTICS) {
        const t = performance.now();
        const length =
          method === 'fcfs'
            ? fcfs
            : run(instance, { policy, method, ...(method === 'iterated_local_search' ? { maxIterations: 50 } : {}) });
        if (method === 'iterated_local_search') ilsMs += performance.now() - t;
        improvements.get(method)?.push(1 - length / fcfs);
      }
    }
    console.log(`  ${storage}:`);
    for (const method of HEURISTICS) {
      const xs = improvements.get(method) as number[];
      console.log(`    ${method.padEnd(24)} ${pct(mean(xs))}  ${pct(median(xs))}`);
    }
    console.log(`    (iterated local search, 50 rounds: ${(ilsMs / instances).toFixed(0)} ms per instance on average)`);
  }
}

function exactGap(policy: RoutingPolicy, instances: number, orders: number): void {
  console.log(
    `\nGap to the exact optimum under ${policy} routing: L / L_exact − 1 (mean, median, max) on ${instances} instances of ${orders} orders per storage`,
  );
  for (const storage of STORAGES) {
    const gaps = new Map<BatchingMethod, number[]>(HEURISTICS.map((m) => [m, []]));
    let exactMs = 0;
    for (let seed = 1; seed <= instances; seed++) {
      const instance = pickingInstance({ seed: 500 + seed, orders, storage });
      const t = performance.now();
      const exact = run(instance, { policy, method: 'exact' });
      exactMs += performance.now() - t;
      for (const method of HEURISTICS) gaps.get(method)?.push(run(instance, { policy, method }) / exact - 1);
    }
    console.log(`  ${storage} (exact: ${(exactMs / instances).toFixed(0)} ms per instance):`);
    for (const method of HEURISTICS) {
      const xs = gaps.get(method) as number[];
      console.log(`    ${method.padEnd(24)} ${pct(mean(xs))}  ${pct(median(xs))}  ${pct(Math.max(...xs))}`);
    }
  }
}

/**
 * How much any batching can save over FCFS: the exact optimum's improvement on 16-order instances
 * (the largest the exact solver takes), per capacity, with the orders per batch of the optimum.
 */
function headroom(policy: RoutingPolicy, instances: number): void {
  console.log(
    `\nHeadroom under ${policy} routing: the exact optimum's improvement over FCFS on 16-order instances (${instances} per capacity and storage; orders per batch in brackets)`,
  );
  for (const storage of STORAGES) {
    const cells: string[] = [];
    const all: number[] = [];
    for (const capacity of [30, 45, 60, 75]) {
      const gains: number[] = [];
      const perBatch: number[] = [];
      for (let seed = 1; seed <= instances; seed++) {
        const instance = pickingInstance({ seed: 900 + seed, orders: 16, capacity, storage });
        const r = batchOrders(instance.layout, instance.orders, {
          capacity: instance.capacity,
          policy,
          method: 'exact',
        });
        if (!r.ok) throw r.error;
        gains.push(1 - r.value.totalLength / run(instance, { policy, method: 'fcfs' }));
        perBatch.push(16 / r.value.batches.length);
      }
      all.push(...gains);
      cells.push(`${capacity}: ${pct(mean(gains))} (${mean(perBatch).toFixed(1)})`);
    }
    console.log(`  ${storage.padEnd(12)} all ${pct(mean(all))}   ${cells.join('   ')}`);
  }
}

function routingSpeed(): void {
  const { layout, lists } = pickLists(50, 64, 'uniform');
  let next = 0;
  const list = (): Pick[] => {
    next = (next + 1) & 63;
    return lists[next] as Pick[];
  };
  runBench(
    'Routing speed: one 50-pick list (64 lists in rotation), routeLength per policy',
    ROUTING_POLICIES.map((policy) => ({ name: policy, run: () => routeLength(layout, list(), policy) })),
    { baseline: 's_shape', samples: 100 },
  );
}

function timeMs(fn: () => unknown, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function batchingSpeed(policy: RoutingPolicy): void {
  console.log(
    `\nBatching speed under ${policy} routing (median wall time of whole calls; capacity 45, uniform storage)`,
  );
  console.log(
    `  ${'orders'.padStart(6)}  ${'fcfs'.padStart(10)}  ${'seed'.padStart(10)}  ${'savings'.padStart(10)}  ${'savings+LS'.padStart(10)}  ${'+ ILS 20'.padStart(10)}`,
  );
  for (const orders of [100, 200, 500, 1000]) {
    const instance = pickingInstance({ seed: 77, orders, capacity: 45 });
    const repeats = orders <= 100 ? 9 : orders <= 200 ? 3 : 1;
    const call = (options: Omit<BatchOrdersOptions, 'capacity'>) => () => run(instance, options);
    const cells = [
      timeMs(call({ policy, method: 'fcfs' }), repeats),
      timeMs(call({ policy, method: 'seed' }), repeats),
      timeMs(call({ policy, method: 'savings' }), repeats),
      timeMs(call({ policy, method: 'local_search' }), repeats),
      orders <= 200
        ? timeMs(call({ policy, method: 'iterated_local_search', maxIterations: 20 }), repeats)
        : Number.NaN,
    ];
    console.log(
      `  ${String(orders).padStart(6)}  ${cells.map((ms) => (Number.isNaN(ms) ? '—' : `${ms.toFixed(0)} ms`).padStart(10)).join('  ')}`,
    );
  }
}

routingQuality();
batchingQuality('s_shape', 20);
batchingQuality('largest_gap', 20);
exactGap('s_shape', 10, 12);
exactGap('largest_gap', 10, 12);
headroom('s_shape', 5);
headroom('largest_gap', 5);
routingSpeed();
batchingSpeed('largest_gap');
