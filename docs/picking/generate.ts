// Regenerates the route drawings in docs/picking/ from the sources:
//   npx tsx --tsconfig tsconfig.json docs/picking/generate.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Pick, type RoutingPolicy, routePicks, routeToSvg, type WarehouseLayout } from '../../src/picking/index.js';

const layout: WarehouseLayout = {
  aisles: 8,
  cellsPerSide: 20,
  cellLength: 1.2,
  aisleSpacing: 4,
  frontMargin: 1.5,
  backMargin: 1.5,
  depot: { aisle: 3.5, offset: 2 },
};

// A fixed 14-pick list (a linear congruential generator, so the drawings never change by accident).
let state = 20_260_601;
const next = (n: number): number => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return Math.floor((state / 2_147_483_648) * n);
};
const picks: Pick[] = Array.from({ length: 14 }, (_, i) => ({
  id: `p${i + 1}`,
  location: { aisle: next(8), cell: next(20), side: next(2) === 0 ? 'left' : 'right' },
}));

const files: [RoutingPolicy, string][] = [
  ['s_shape', 's-shape.svg'],
  ['largest_gap', 'largest-gap.svg'],
  ['optimal', 'optimal.svg'],
];
for (const [policy, file] of files) {
  const route = routePicks(layout, picks, policy);
  if (!route.ok) throw route.error;
  writeFileSync(fileURLToPath(new URL(file, import.meta.url)), routeToSvg(layout, route.value, { scale: 11 }));
  console.log(`${file}: ${route.value.length.toFixed(1)} m`);
}
