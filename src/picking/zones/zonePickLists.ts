import { err, ok, type Result } from '../../core/result.js';
import { isRecord, show } from '../../core/show.js';
import { PickingError } from '../errors.js';
import { layoutProblem, picksProblem } from '../internal/validate.js';
import { routePicks } from '../routing/routePicks.js';
import { type Pick, ROUTING_POLICIES, type Route, type WarehouseLayout } from '../types.js';
import {
  type PickingZone,
  ZONE_PICKING_MODES,
  type ZoneOrder,
  type ZonePickList,
  type ZonePickListOptions,
  type ZonePickListsResult,
  type ZoneWork,
} from './types.js';

const MAX_ZONES = 1_000;
const MAX_ORDERS = 100_000;

interface ZoneState {
  readonly zone: PickingZone;
  readonly from: number;
  readonly to: number;
  readonly layout: WarehouseLayout;
}

const invalid = (
  code: 'invalid_options' | 'invalid_order',
  field: string,
  value: unknown,
  reason: string,
  details = {},
) => new PickingError(code, `${field}: ${show(value)} ${reason}.`, { field, value, ...details });

function readZones(layout: WarehouseLayout, zones: readonly PickingZone[]): Result<ZoneState[], PickingError> {
  if (!Array.isArray(zones) || zones.length === 0 || zones.length > MAX_ZONES) {
    return err(invalid('invalid_options', 'zones', zones, `must be an array of 1 to ${MAX_ZONES} zones`));
  }
  const states: ZoneState[] = [];
  const ids = new Set<string>();
  const owner = new Map<number, string>();
  for (let z = 0; z < zones.length; z++) {
    const zone: unknown = zones[z];
    const at = `zones[${z}]`;
    if (!isRecord(zone)) return err(invalid('invalid_options', at, zone, 'must be an object'));
    const { id, aisles, handoff } = zone;
    if (typeof id !== 'string' || id.length === 0)
      return err(invalid('invalid_options', `${at}.id`, id, 'must be a non-empty string'));
    if (ids.has(id)) return err(invalid('invalid_options', `${at}.id`, id, 'is the id of an earlier zone'));
    ids.add(id);
    if (!isRecord(aisles))
      return err(invalid('invalid_options', `${at}.aisles`, aisles, 'must be an object { from, to }'));
    const { from, to } = aisles;
    const isAisle = (n: unknown): n is number =>
      Number.isInteger(n) && (n as number) >= 0 && (n as number) < layout.aisles;
    if (!isAisle(from))
      return err(
        invalid(
          'invalid_options',
          `${at}.aisles.from`,
          from,
          `must be an aisle of the layout (0 to ${layout.aisles - 1})`,
        ),
      );
    if (!isAisle(to) || to < from) {
      return err(
        invalid(
          'invalid_options',
          `${at}.aisles.to`,
          to,
          `must be an aisle of the layout from aisles.from (${from}) to ${layout.aisles - 1}`,
        ),
      );
    }
    for (let a = from; a <= to; a++) {
      const other = owner.get(a);
      if (other !== undefined) {
        return err(invalid('invalid_options', `${at}.aisles`, aisles, `overlaps zone ${show(other)} at aisle ${a}`));
      }
      owner.set(a, id);
    }
    const point = handoff ?? Math.min(to, Math.max(from, layout.depot.aisle));
    if (typeof point !== 'number' || !Number.isFinite(point) || point < from || point > to) {
      return err(invalid('invalid_options', `${at}.handoff`, handoff, `must be a position from ${from} to ${to}`));
    }
    states.push({
      zone: zone as unknown as PickingZone,
      from,
      to,
      layout: {
        aisles: to - from + 1,
        cellsPerSide: layout.cellsPerSide,
        cellLength: layout.cellLength,
        aisleSpacing: layout.aisleSpacing,
        frontMargin: layout.frontMargin,
        backMargin: layout.backMargin,
        depot: { aisle: point - from },
      },
    });
  }
  return ok(states);
}

/**
 * Routes picks (global locations) inside a zone: the route comes back with the caller's picks as
 * stops and the path in global x, plus the input index of each stop (picks may repeat objects).
 */
function routeInZone(
  state: ZoneState,
  picks: readonly Pick[],
  options: ZonePickListOptions,
): Result<{ route: Route; indices: number[] }, PickingError> {
  const local = picks.map((pick, i) => ({
    ...pick,
    id: String(i),
    location: { ...pick.location, aisle: pick.location.aisle - state.from },
  }));
  const routed = routePicks(state.layout, local, options.policy);
  if (!routed.ok) return routed;
  const shift = state.from * state.layout.aisleSpacing;
  const indices = routed.value.stops.map((stop) => Number(stop.id));
  return ok({
    route: {
      policy: routed.value.policy,
      length: routed.value.length,
      stops: indices.map((i) => picks[i] as Pick),
      path: routed.value.path.map((point) => ({ x: point.x + shift, y: point.y })),
    },
    indices,
  });
}

/**
 * Splits orders into per-zone pick lists and routes each zone's walks inside its zone.
 *
 * Zones are contiguous aisle ranges (a zone of scattered aisles would make its picker walk through
 * other zones: split it into two zones instead). Each zone is routed as a warehouse of its own —
 * its aisles renumbered from 0, the same cells, the depot at the zone's hand-off point on the front
 * cross aisle (default: the point of the zone nearest the main depot) — and every route comes back
 * with the caller's picks as stops and its path in the whole layout's coordinates.
 *
 * - `pick_and_pass`: each order's tote visits the zones holding its picks, in the zones' given
 *   sequence; every zone walks each order separately (one list per order and zone, orders in input
 *   order).
 * - `pick_and_consolidate`: every zone walks once for all orders (one list per zone with picks);
 *   `orders[].zones` says which zone shares to consolidate into each order. Batch first (see
 *   `batchOrders`) when a zone's share would not fit one cart.
 *
 * Every pick lands on exactly one list; a pick in an aisle no zone covers is refused.
 *
 * @param layout - The whole warehouse.
 * @param orders - The orders (unique ids; at most 100,000).
 * @param zones - The zones in conveyor sequence (1 to 1,000, non-overlapping).
 * @param options - {@link ZonePickListOptions}: the mode and the routing policy.
 * @returns The per-zone walks, or a `PickingError` (`invalid_options`, `invalid_order`, or a routing
 *   error for a bad layout or pick) naming the field.
 * @example
 * ```ts
 * import { pickList, zonePickLists } from 'ordercore/picking';
 *
 * const layout = { aisles: 4, cellsPerSide: 10, cellLength: 1, aisleSpacing: 3, frontMargin: 1, backMargin: 1, depot: { aisle: 0 } };
 * const orders = [
 *   { id: 'o-1', picks: [{ id: 'a', location: { aisle: 0, cell: 2 } }, { id: 'b', location: { aisle: 3, cell: 5 } }] },
 *   { id: 'o-2', picks: [{ id: 'c', location: { aisle: 1, cell: 0 } }] },
 * ];
 * const zones = [{ id: 'front', aisles: { from: 0, to: 1 } }, { id: 'back', aisles: { from: 2, to: 3 } }];
 * const r = zonePickLists(layout, orders, zones, { mode: 'pick_and_pass', policy: 'return' });
 * r.ok && r.value.orders; //=> [{ orderId: 'o-1', zones: ['front', 'back'] }, { orderId: 'o-2', zones: ['front'] }]
 * r.ok && r.value.zones[1]?.layout.depot; //=> { aisle: 0 }
 * r.ok && r.value.zones[1]?.lists[0]?.route.length; //=> 19
 * r.ok && pickList(r.value.zones[1]!.lists[0]!.route).map((l) => l.location); //=> ['A04-006']
 * ```
 */
export function zonePickLists(
  layout: WarehouseLayout,
  orders: readonly ZoneOrder[],
  zones: readonly PickingZone[],
  options: ZonePickListOptions,
): Result<ZonePickListsResult, PickingError> {
  if (!isRecord(options)) return err(invalid('invalid_options', 'options', options, 'must be an object'));
  const { mode, policy } = options;
  if (!ZONE_PICKING_MODES.includes(mode as never)) {
    return err(invalid('invalid_options', 'options.mode', mode, `must be one of ${ZONE_PICKING_MODES.join(', ')}`));
  }
  if (!ROUTING_POLICIES.includes(policy as never)) {
    return err(invalid('invalid_options', 'options.policy', policy, `must be one of ${ROUTING_POLICIES.join(', ')}`));
  }
  const badLayout = layoutProblem(layout);
  if (badLayout !== undefined) return err(badLayout);
  const read = readZones(layout, zones);
  if (!read.ok) return read;
  const states = read.value;
  const zoneOfAisle = new Map<number, number>();
  states.forEach((state, z) => {
    for (let a = state.from; a <= state.to; a++) zoneOfAisle.set(a, z);
  });

  if (!Array.isArray(orders) || orders.length > MAX_ORDERS) {
    return err(invalid('invalid_order', 'orders', orders, `must be an array of at most ${MAX_ORDERS} orders`));
  }
  // shares[z] = the [order index, picks] of every order with picks in zone z, in order input order.
  const shares: { order: number; picks: Pick[] }[][] = states.map(() => []);
  const sequences: { orderId: string; zones: string[] }[] = [];
  const ids = new Set<string>();
  for (let o = 0; o < orders.length; o++) {
    const order: unknown = orders[o];
    const at = `orders[${o}]`;
    if (!isRecord(order)) return err(invalid('invalid_order', at, order, 'must be an object'));
    const { id, picks } = order;
    if (typeof id !== 'string' || id.length === 0)
      return err(invalid('invalid_order', `${at}.id`, id, 'must be a non-empty string'));
    if (ids.has(id)) return err(invalid('invalid_order', `${at}.id`, id, 'is the id of an earlier order'));
    ids.add(id);
    if (!Array.isArray(picks)) return err(invalid('invalid_order', `${at}.picks`, picks, 'must be an array'));
    // Routing's own pick checks, with the path from the caller's root (orders[o].picks[p]...).
    const badPick = picksProblem(layout, picks);
    if (badPick !== undefined) {
      const field = typeof badPick.details['field'] === 'string' ? `${at}.${badPick.details['field']}` : `${at}.picks`;
      return err(
        new PickingError(badPick.code, `${at}.${badPick.message}`, { ...badPick.details, field, orderId: id }),
      );
    }
    const mine = new Map<number, Pick[]>();
    for (let p = 0; p < picks.length; p++) {
      const pick = picks[p] as Pick;
      const aisle = pick.location.aisle;
      const z = zoneOfAisle.get(aisle);
      if (z === undefined) {
        return err(
          invalid('invalid_options', 'zones', aisle, `leave aisle ${aisle} uncovered, where ${at}.picks[${p}] is`, {
            orderId: id,
            aisle,
          }),
        );
      }
      const list = mine.get(z);
      if (list === undefined) mine.set(z, [pick]);
      else list.push(pick);
    }
    const visited = [...mine.keys()].sort((a, b) => a - b);
    for (const z of visited)
      (shares[z] as { order: number; picks: Pick[] }[]).push({ order: o, picks: mine.get(z) as Pick[] });
    sequences.push({ orderId: id, zones: visited.map((z) => (states[z] as ZoneState).zone.id) });
  }

  const work: ZoneWork[] = [];
  let totalLength = 0;
  for (let z = 0; z < states.length; z++) {
    const state = states[z] as ZoneState;
    const zoneShares = shares[z] as { order: number; picks: Pick[] }[];
    const groups =
      mode === 'pick_and_pass' || zoneShares.length === 0 ? zoneShares.map((share) => [share]) : [zoneShares];
    const lists: ZonePickList[] = [];
    let length = 0;
    for (const group of groups) {
      const picks = group.flatMap((share) => share.picks);
      const owners = group.flatMap((share) => share.picks.map(() => (orders[share.order] as ZoneOrder).id));
      const routed = routeInZone(state, picks, options);
      if (!routed.ok) return routed;
      lists.push({
        zoneId: state.zone.id,
        orderIds: group.map((share) => (orders[share.order] as ZoneOrder).id),
        route: routed.value.route,
        stopOrderIds: routed.value.indices.map((i) => owners[i] as string),
      });
      length += routed.value.route.length;
    }
    totalLength += length;
    work.push({
      zoneId: state.zone.id,
      aisles: { from: state.from, to: state.to },
      layout: state.layout,
      lists,
      length,
    });
  }
  return ok({ mode, policy, zones: work, orders: sequences, totalLength });
}
