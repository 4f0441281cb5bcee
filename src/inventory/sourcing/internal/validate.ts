import { isRecord, show } from '../../../core/show.js';
import { InventoryError } from '../../errors.js';
import { own } from '../../internal/fold.js';
import {
  DROP_SHIP_MODES,
  type DropShipMode,
  SOURCING_LOCATION_KINDS,
  SOURCING_RULES,
  type SourcingLocation,
  type SourcingLocationKind,
  type SourcingMeasure,
  type SourcingOrder,
  type SourcingRule,
} from '../types.js';

// Input checks for sourcing. Each refusal is an InventoryError `invalid_request` whose
// `details.field` is the path to the offending value ('orders[2].lines[0].quantity').

/** A location, checked, with its limits resolved (Infinity: no limit). */
export interface CheckedLocation {
  readonly source: SourcingLocation;
  readonly id: string;
  readonly kind: SourcingLocationKind;
  readonly priority: number | undefined;
  readonly units: number;
  readonly orders: number;
  readonly lines: number;
  readonly shipFromStore: boolean;
  readonly pickup: boolean;
  readonly leadTimeDays: number;
}

/** The strategy, checked, with its defaults applied. */
export interface CheckedStrategy {
  readonly rules: readonly SourcingRule[];
  readonly weights: readonly number[];
  readonly distance: SourcingMeasure | undefined;
  readonly cost: SourcingMeasure | undefined;
  readonly fewestShipments: boolean;
  readonly shipFromStore: boolean;
  readonly dropShip: DropShipMode;
}

export function invalid(field: string, reason: string, extra: Record<string, unknown> = {}): InventoryError {
  return new InventoryError('invalid_request', `${field}: ${reason}`, { field, ...extra });
}

const KINDS: ReadonlySet<string> = new Set(SOURCING_LOCATION_KINDS);
const RULES: ReadonlySet<string> = new Set(SOURCING_RULES);
const DROP_SHIP: ReadonlySet<string> = new Set(DROP_SHIP_MODES);

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function optionalBoolean(record: Record<string, unknown>, key: string, field: string): boolean | undefined {
  const value = record[key];
  if (value === undefined || typeof value === 'boolean') return value;
  throw invalid(`${field}.${key}`, `expected a boolean, got ${show(value)}.`);
}

function limit(record: Record<string, unknown>, key: string, field: string): number {
  const value = record[key];
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw invalid(`${field}.${key}`, `expected a safe integer ≥ 0, got ${show(value)}.`);
  return value;
}

/** The index of a key in a record's own enumerable keys, rendered for a field path. */
function keyPath(key: string): string {
  return `[${JSON.stringify(key)}]`;
}

/** Checks every location (throws the first problem); ids must be unique. */
export function checkLocations(locations: unknown): CheckedLocation[] {
  if (!Array.isArray(locations)) throw invalid('locations', `expected an array, got ${show(locations)}.`);
  const seen = new Set<string>();
  const checked: CheckedLocation[] = [];
  for (let index = 0; index < locations.length; index += 1) {
    const field = `locations[${index}]`;
    const location: unknown = locations[index];
    if (!isRecord(location)) throw invalid(field, `expected a location object, got ${show(location)}.`);
    const id = location['id'];
    if (!isNonEmptyString(id)) throw invalid(`${field}.id`, `expected a non-empty string, got ${show(id)}.`);
    if (seen.has(id)) throw invalid(`${field}.id`, `${show(id)} appears twice.`, { location: id });
    seen.add(id);
    const kind = location['kind'];
    if (typeof kind !== 'string' || !KINDS.has(kind))
      throw invalid(`${field}.kind`, `${show(kind)} is not one of ${SOURCING_LOCATION_KINDS.join(', ')}.`);
    const available = location['available'];
    if (!isRecord(available))
      throw invalid(`${field}.available`, `expected a record of units per SKU, got ${show(available)}.`);
    for (const sku of Object.keys(available)) {
      const units = available[sku];
      if (typeof units !== 'number' || !Number.isSafeInteger(units))
        throw invalid(`${field}.available${keyPath(sku)}`, `expected a safe integer, got ${show(units)}.`);
    }
    const priority = location['priority'];
    if (priority !== undefined && (typeof priority !== 'number' || !Number.isFinite(priority)))
      throw invalid(`${field}.priority`, `expected a finite number, got ${show(priority)}.`);
    const capacity = location['capacity'];
    if (capacity !== undefined && !isRecord(capacity))
      throw invalid(`${field}.capacity`, `expected { units?, orders?, lines? }, got ${show(capacity)}.`);
    const limits = capacity ?? {};
    const leadTime = location['leadTimeDays'];
    if (leadTime !== undefined && (typeof leadTime !== 'number' || !Number.isFinite(leadTime) || leadTime < 0))
      throw invalid(`${field}.leadTimeDays`, `expected a finite number ≥ 0, got ${show(leadTime)}.`);
    const pickup = optionalBoolean(location, 'pickup', field);
    checked.push({
      source: location as unknown as SourcingLocation,
      id,
      kind: kind as SourcingLocationKind,
      priority: priority as number | undefined,
      units: limit(limits, 'units', `${field}.capacity`),
      orders: limit(limits, 'orders', `${field}.capacity`),
      lines: limit(limits, 'lines', `${field}.capacity`),
      shipFromStore: optionalBoolean(location, 'shipFromStore', field) === true,
      pickup: pickup ?? kind === 'store',
      leadTimeDays: (leadTime as number | undefined) ?? 0,
    });
  }
  return checked;
}

/** Checks one order; `field` is its path ('order' or 'orders[3]'). */
export function checkOrder(
  order: unknown,
  field: string,
  locationIds: ReadonlyMap<string, number>,
): asserts order is SourcingOrder {
  if (!isRecord(order)) throw invalid(field, `expected an order object, got ${show(order)}.`);
  if (!isNonEmptyString(order['id']))
    throw invalid(`${field}.id`, `expected a non-empty string, got ${show(order['id'])}.`);
  const lines = order['lines'];
  if (!Array.isArray(lines) || lines.length === 0)
    throw invalid(`${field}.lines`, `expected a non-empty array of lines, got ${show(lines)}.`);
  const lineIds = new Set<string>();
  for (let index = 0; index < lines.length; index += 1) {
    const lineField = `${field}.lines[${index}]`;
    const line: unknown = lines[index];
    if (!isRecord(line)) throw invalid(lineField, `expected a line object, got ${show(line)}.`);
    const lineId = line['lineId'];
    if (!isNonEmptyString(lineId))
      throw invalid(`${lineField}.lineId`, `expected a non-empty string, got ${show(lineId)}.`);
    if (lineIds.has(lineId)) throw invalid(`${lineField}.lineId`, `${show(lineId)} appears twice in the order.`);
    lineIds.add(lineId);
    if (!isNonEmptyString(line['sku']))
      throw invalid(`${lineField}.sku`, `expected a non-empty string, got ${show(line['sku'])}.`);
    const quantity = line['quantity'];
    if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity <= 0)
      throw invalid(`${lineField}.quantity`, `expected a positive safe integer, got ${show(quantity)}.`);
  }
  const fulfillment = order['fulfillment'];
  if (fulfillment !== undefined && fulfillment !== 'ship' && fulfillment !== 'pickup')
    throw invalid(`${field}.fulfillment`, `expected 'ship' or 'pickup', got ${show(fulfillment)}.`);
  if (fulfillment === 'pickup') {
    const pickupLocation = order['pickupLocation'];
    if (!isNonEmptyString(pickupLocation))
      throw invalid(
        `${field}.pickupLocation`,
        `a pickup order needs the location it is collected from, got ${show(pickupLocation)}.`,
      );
    if (!locationIds.has(pickupLocation))
      throw new InventoryError(
        'unknown_location',
        `${field}.pickupLocation: ${show(pickupLocation)} is not one of the locations given.`,
        { field: `${field}.pickupLocation`, location: pickupLocation },
      );
  }
}

/** Checks the strategy and applies its defaults. */
export function checkStrategy(strategy: unknown): CheckedStrategy {
  if (strategy === undefined) strategy = {};
  if (!isRecord(strategy)) throw invalid('strategy', `expected a strategy object, got ${show(strategy)}.`);
  const rules: SourcingRule[] = [];
  const weights: number[] = [];
  const given = strategy['rules'] ?? 'priority';
  if (typeof given === 'string') {
    if (!RULES.has(given))
      throw invalid('strategy.rules', `${show(given)} is not one of ${SOURCING_RULES.join(', ')}.`);
    rules.push(given as SourcingRule);
    weights.push(1);
  } else if (Array.isArray(given)) {
    if (given.length === 0) throw invalid('strategy.rules', 'expected at least one rule.');
    for (let index = 0; index < given.length; index += 1) {
      const field = `strategy.rules[${index}]`;
      const entry: unknown = given[index];
      if (!isRecord(entry)) throw invalid(field, `expected { rule, weight }, got ${show(entry)}.`);
      const rule = entry['rule'];
      if (typeof rule !== 'string' || !RULES.has(rule))
        throw invalid(`${field}.rule`, `${show(rule)} is not one of ${SOURCING_RULES.join(', ')}.`);
      if (rules.includes(rule as SourcingRule)) throw invalid(`${field}.rule`, `${show(rule)} appears twice.`);
      const weight = entry['weight'];
      if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0 || weight > 1e9)
        throw invalid(`${field}.weight`, `expected a finite number > 0 and ≤ 1e9, got ${show(weight)}.`);
      rules.push(rule as SourcingRule);
      weights.push(weight);
    }
  } else {
    throw invalid('strategy.rules', `expected a rule or an array of { rule, weight }, got ${show(given)}.`);
  }
  const distance = strategy['distance'];
  const cost = strategy['cost'];
  if (distance !== undefined && typeof distance !== 'function')
    throw invalid('strategy.distance', `expected a function, got ${show(distance)}.`);
  if (cost !== undefined && typeof cost !== 'function')
    throw invalid('strategy.cost', `expected a function, got ${show(cost)}.`);
  if (rules.includes('nearest') && distance === undefined)
    throw invalid('strategy.distance', "the 'nearest' rule needs a distance function.");
  if (rules.includes('cheapest') && cost === undefined)
    throw invalid('strategy.cost', "the 'cheapest' rule needs a cost function.");
  const dropShip = strategy['dropShip'] ?? 'after_own_stock';
  if (typeof dropShip !== 'string' || !DROP_SHIP.has(dropShip))
    throw invalid('strategy.dropShip', `${show(dropShip)} is not one of ${DROP_SHIP_MODES.join(', ')}.`);
  const fewest = optionalBoolean(strategy, 'fewestShipments', 'strategy');
  const shipFromStore = optionalBoolean(strategy, 'shipFromStore', 'strategy');
  return {
    rules,
    weights,
    distance: distance as SourcingMeasure | undefined,
    cost: cost as SourcingMeasure | undefined,
    fewestShipments: fewest === true,
    shipFromStore: shipFromStore !== false,
    dropShip: dropShip as DropShipMode,
  };
}

/** The units a location has of a SKU, as sourcing counts them (absent or negative: 0). */
export function unitsOf(location: CheckedLocation, sku: string): number {
  const units = own(location.source.available, sku);
  return units === undefined || units < 0 ? 0 : units;
}
