import { isRecord, show } from '../../core/show.js';
import { PickingError } from '../errors.js';
import { aisleLength, aisleX, cellDepth, depotOffset, depotX } from '../internal/geometry.js';
import { layoutProblem } from '../internal/validate.js';
import type { PathPoint, Pick, Route, WarehouseLayout } from '../types.js';

/**
 * How {@link routeToSvg} draws.
 *
 * @example
 * ```ts
 * import type { RouteSvgOptions } from 'ordercore/picking';
 *
 * const options: RouteSvgOptions = { scale: 12, title: 'Wave 7, batch 2' };
 * options.scale; //=> 12
 * ```
 */
export interface RouteSvgOptions {
  /** Pixels per metre; finite, > 0; default 12. */
  readonly scale?: number;
  /** A title drawn above the warehouse and used as the SVG's accessible `<title>`; default: the policy and length. */
  readonly title?: string;
  /** Number the stops in visiting order; default true. */
  readonly numberStops?: boolean;
}

// Above this many cells, racks are drawn as one block per aisle side instead of cell by cell.
const MAX_DRAWN_CELLS = 20_000;

const POLICY_NAMES: Readonly<Record<string, string>> = {
  s_shape: 'S-shape',
  return: 'Return',
  midpoint: 'Midpoint',
  largest_gap: 'Largest gap',
  combined: 'Combined',
  optimal: 'Optimal',
};

function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function optionsError(field: string, reason: string, value: unknown): PickingError {
  return new PickingError('invalid_options', `${field} ${reason}, got ${show(value)}.`, { field });
}

function isPoint(value: unknown): value is PathPoint {
  return isRecord(value) && Number.isFinite(value['x']) && Number.isFinite(value['y']);
}

/**
 * Draws the warehouse and a route as a standalone SVG document: racks cell by cell on both sides of
 * every aisle, the front and back cross aisles, the depot, the pick cells highlighted, the walked
 * path with direction arrows, and the stops numbered in visiting order.
 *
 * The drawing puts the front cross aisle (and the depot) at the bottom, aisle 0 on the left, as
 * warehouse plans usually do. Output is deterministic (same input, same bytes), with coordinates
 * rounded to 0.01 px.
 *
 * @param layout - The warehouse the route was computed for.
 * @param route - A route from `routePicks` (its `path`, `stops` and, for the default title, `policy` and `length`).
 * @param options - Scale, title, stop numbers.
 * @returns The SVG markup (`<svg xmlns="http://www.w3.org/2000/svg" ...>...</svg>`).
 * @throws {@link PickingError} `invalid_layout`, or `invalid_options` naming `route.path`,
 *   `route.stops` or the option: drawing is a presentation step for routes this library computed.
 * @example
 * ```ts
 * import { routePicks, routeToSvg } from 'ordercore/picking';
 *
 * const layout = {
 *   aisles: 3, cellsPerSide: 6, cellLength: 1, aisleSpacing: 3, frontMargin: 1, backMargin: 1, depot: { aisle: 0 },
 * };
 * const route = routePicks(layout, [{ id: 'a', location: { aisle: 2, cell: 4, side: 'left' } }], 'return');
 * const svg = route.ok ? routeToSvg(layout, route.value) : '';
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'); //=> true
 * svg.includes('<polyline'); //=> true
 * ```
 */
export function routeToSvg(layout: WarehouseLayout, route: Route, options: RouteSvgOptions = {}): string {
  const problem = layoutProblem(layout);
  if (problem !== undefined) throw problem;
  if (!isRecord(route)) throw optionsError('route', 'must be a route object', route);
  const path: unknown = route.path;
  const stops: unknown = route.stops;
  if (!Array.isArray(path) || !path.every(isPoint)) {
    throw optionsError('route.path', 'must be an array of finite { x, y } points', path);
  }
  if (!Array.isArray(stops) || !stops.every((s) => isRecord(s) && isRecord(s['location']))) {
    throw optionsError('route.stops', 'must be an array of picks', stops);
  }
  if (!isRecord(options)) throw optionsError('options', 'must be an object', options);
  const { scale = 12, title, numberStops = true } = options;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw optionsError('options.scale', 'must be a finite number in (0, 1000]', scale);
  }
  if (title !== undefined && typeof title !== 'string') throw optionsError('options.title', 'must be a string', title);
  if (typeof numberStops !== 'boolean') throw optionsError('options.numberStops', 'must be a boolean', numberStops);

  const L = aisleLength(layout);
  const s = layout.aisleSpacing;
  const offset = depotOffset(layout);
  const pad = Math.max(s, 2);
  const header = 28 / scale;
  const left = -pad;
  const width = (layout.aisles - 1) * s + 2 * pad;
  const top = L + pad + header; // metres above the front cross aisle at the top edge
  const height = top + offset + pad;
  const px = (x: number): string => fmt((x - left) * scale);
  const py = (y: number): string => fmt((top - y) * scale);
  const rackInner = 0.15 * s;
  const rackOuter = 0.45 * s;
  const out: string[] = [];
  const heading =
    title ??
    `${(Object.hasOwn(POLICY_NAMES, route.policy) ? POLICY_NAMES[route.policy] : undefined) ?? show(route.policy)} route, ${fmt(Number(route.length))} m, ${stops.length} picks`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width * scale)}" height="${fmt(height * scale)}" viewBox="0 0 ${fmt(width * scale)} ${fmt(height * scale)}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(heading)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="5" markerHeight="5" orient="auto"><path d="M0,1 L9,5 L0,9 z" fill="#c0392b"/></marker></defs>',
    `<rect x="0" y="0" width="${fmt(width * scale)}" height="${fmt(height * scale)}" fill="#ffffff"/>`,
    `<text x="${fmt(6)}" y="${fmt(18)}" font-size="14" fill="#222">${escapeXml(heading)}</text>`,
  );
  // Cross aisles.
  for (const y of [0, L]) {
    out.push(
      `<line x1="${px(left)}" y1="${py(y)}" x2="${px(left + width)}" y2="${py(y)}" stroke="#b8c4d0" stroke-width="1" stroke-dasharray="4 3"/>`,
    );
  }
  // Racks: cells on both sides of each aisle.
  const perCell = layout.aisles * layout.cellsPerSide * 2 <= MAX_DRAWN_CELLS;
  out.push('<g fill="#eef2f6" stroke="#9aa7b4" stroke-width="0.5">');
  for (let a = 0; a < layout.aisles; a++) {
    const x = aisleX(layout, a);
    for (const [x0, x1] of [
      [x - rackOuter, x - rackInner],
      [x + rackInner, x + rackOuter],
    ] as const) {
      if (perCell) {
        for (let c = 0; c < layout.cellsPerSide; c++) {
          const y0 = layout.frontMargin + c * layout.cellLength;
          out.push(
            `<rect x="${px(x0)}" y="${py(y0 + layout.cellLength)}" width="${fmt((x1 - x0) * scale)}" height="${fmt(layout.cellLength * scale)}"/>`,
          );
        }
      } else {
        const y0 = layout.frontMargin;
        const h = layout.cellsPerSide * layout.cellLength;
        out.push(
          `<rect x="${px(x0)}" y="${py(y0 + h)}" width="${fmt((x1 - x0) * scale)}" height="${fmt(h * scale)}"/>`,
        );
      }
    }
    out.push(
      `<text x="${px(x)}" y="${py(-0.2)}" dy="11" text-anchor="middle" fill="#667" stroke="none" font-size="9">${a}</text>`,
    );
  }
  out.push('</g>');
  // Pick cells.
  out.push('<g fill="#f5c242" stroke="#b8860b" stroke-width="0.8">');
  for (const stop of stops as Pick[]) {
    const { aisle, cell, side } = stop.location;
    if (!Number.isInteger(aisle) || !Number.isInteger(cell) || aisle < 0 || aisle >= layout.aisles) continue;
    const x = aisleX(layout, aisle);
    const sides = side === 'left' ? [-1] : side === 'right' ? [1] : [-1, 1];
    for (const d of sides) {
      const x0 = d < 0 ? x - rackOuter : x + rackInner;
      const y0 = layout.frontMargin + cell * layout.cellLength;
      out.push(
        `<rect x="${px(x0)}" y="${py(y0 + layout.cellLength)}" width="${fmt((rackOuter - rackInner) * scale)}" height="${fmt(layout.cellLength * scale)}"/>`,
      );
    }
  }
  out.push('</g>');
  // The walked path.
  if (path.length > 1) {
    const points = (path as PathPoint[]).map((p) => `${px(p.x)},${py(p.y)}`).join(' ');
    out.push(
      `<polyline points="${points}" fill="none" stroke="#c0392b" stroke-width="2" stroke-linejoin="round" marker-mid="url(#arrow)" marker-end="url(#arrow)"/>`,
    );
  }
  // Depot.
  const xd = depotX(layout);
  out.push(
    `<rect x="${fmt((xd - left) * scale - 7)}" y="${fmt((top + offset) * scale - 7)}" width="14" height="14" fill="#2c3e50"/>`,
    `<text x="${fmt((xd - left) * scale + 10)}" y="${fmt((top + offset) * scale + 4)}" fill="#2c3e50">depot</text>`,
  );
  // Stop numbers, one label per point (several picks in one cell share it).
  if (numberStops) {
    const labels = new Map<string, { x: number; y: number; numbers: number[] }>();
    (stops as Pick[]).forEach((stop, i) => {
      const { aisle, cell } = stop.location;
      if (!Number.isInteger(aisle) || !Number.isInteger(cell)) return;
      const x = aisleX(layout, aisle);
      const y = cellDepth(layout, cell);
      const key = `${x}|${y}`;
      const label = labels.get(key);
      if (label === undefined) labels.set(key, { x, y, numbers: [i + 1] });
      else label.numbers.push(i + 1);
    });
    out.push('<g font-size="9" text-anchor="middle">');
    for (const { x, y, numbers } of labels.values()) {
      const text = numbers.length > 3 ? `${numbers[0]}…${numbers.at(-1)}` : numbers.join(',');
      const r = Math.max(7, 3 + 2.6 * text.length);
      out.push(
        `<circle cx="${px(x)}" cy="${py(y)}" r="${fmt(r)}" fill="#ffffff" stroke="#c0392b" stroke-width="1.2"/>`,
        `<text x="${px(x)}" y="${py(y)}" dy="3" fill="#c0392b">${text}</text>`,
      );
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
