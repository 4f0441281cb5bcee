import { parseInstant } from '../../core/instant.js';
import { isRecord, show } from '../../core/show.js';
import { InventoryError } from '../errors.js';
import { LEDGER_ENTRY_SIGNS } from '../ledgerEntrySigns.js';
import {
  type AppliedOperation,
  type IncomingReceipt,
  type InventoryState,
  LEDGER_ENTRY_KINDS,
  type LedgerEntry,
  type LedgerEntryKind,
  type ReservationHold,
  type ReservationRecord,
  type ReservationStatus,
  type StockBalance,
} from '../types.js';

// The one fold of the ledger. Every public way of keeping balances (foldLedger, applyLedgerEntries,
// the in-memory store) goes through `LedgerFolder`, so they cannot drift apart.
//
// Published objects are never mutated: a balance, a record or an operation is copied the first time
// an apply touches it. Containers (the balances map, a SKU's map, reservations, operations) are either
// copied on first write (pure callers: the input state stays as it was) or written in place with an
// undo journal (the in-memory store, which owns its state): either way a failing entry leaves nothing
// half-applied.

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableBalance = Mutable<StockBalance> & { incoming: IncomingReceipt[]; holds: ReservationHold[] };
type MutableRecord = Mutable<ReservationRecord>;
type MutableOperation = { key: string; entryIds: string[] };
type Container<T> = Record<string, T>;

/** An own-property read: `'__proto__'` or `'constructor'` as a SKU must not reach Object.prototype. */
export function own<T>(container: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(container, key) ? container[key] : undefined;
}

/** An own-property write that is safe for any key (plain assignment to `'__proto__'` sets the prototype). */
export function put<T>(container: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
  else container[key] = value;
}

/** The sign a kind requires of its quantity: the public table, shared with `ledgerEntrySchema`. */
const SIGN = LEDGER_ENTRY_SIGNS;

const SIGN_TEXT = {
  positive: 'positive',
  negative: 'negative',
  nonzero: 'non-zero',
  zero: '0',
  any: 'an integer',
} as const;

const KINDS: ReadonlySet<string> = new Set(LEDGER_ENTRY_KINDS);

const OPTIONAL_STRINGS = [
  'reason',
  'reservationId',
  'allocationId',
  'receiptId',
  'owner',
  'reference',
  'counterpartLocation',
  'transferId',
  'operation',
] as const;

/** A refusal naming the entry and the field. */
function invalid(index: number, entry: unknown, field: string, reason: string): InventoryError {
  const id = isRecord(entry) && typeof entry['id'] === 'string' ? entry['id'] : undefined;
  return new InventoryError(
    'invalid_entry',
    `entries[${index}]${id === undefined ? '' : ` (${show(id)})`}.${field}: ${reason}`,
    {
      index,
      ...(id === undefined ? {} : { entryId: id }),
      field,
    },
  );
}

const INSTANT_FIELDS = ['expectedAt', 'expiresAt'] as const;
const COUNT_FIELDS = ['counted', 'expected'] as const;

function need(entry: Record<string, unknown>, index: number, kind: string, field: string): void {
  if (entry[field] === undefined) throw invalid(index, entry, field, `a ${kind} entry needs ${field}.`);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** The shape checks every entry passes before it touches a balance. */
export function checkEntryShape(entry: unknown, index: number): asserts entry is LedgerEntry {
  if (!isRecord(entry)) throw invalid(index, entry, '(entry)', `expected a ledger entry object, got ${show(entry)}.`);
  if (!isNonEmptyString(entry['id']))
    throw invalid(index, entry, 'id', `expected a non-empty string, got ${show(entry['id'])}.`);
  const kind = entry['kind'];
  if (typeof kind !== 'string' || !KINDS.has(kind))
    throw invalid(index, entry, 'kind', `${show(kind)} is not one of ${LEDGER_ENTRY_KINDS.join(', ')}.`);
  if (!isNonEmptyString(entry['sku']))
    throw invalid(index, entry, 'sku', `expected a non-empty string, got ${show(entry['sku'])}.`);
  if (!isNonEmptyString(entry['location']))
    throw invalid(index, entry, 'location', `expected a non-empty string, got ${show(entry['location'])}.`);
  const quantity = entry['quantity'];
  const sign = SIGN[kind as LedgerEntryKind];
  if (
    typeof quantity !== 'number' ||
    !Number.isSafeInteger(quantity) ||
    (sign === 'positive' && quantity <= 0) ||
    (sign === 'negative' && quantity >= 0) ||
    (sign === 'nonzero' && quantity === 0) ||
    (sign === 'zero' && quantity !== 0)
  )
    throw invalid(
      index,
      entry,
      'quantity',
      `a ${kind} entry needs a ${SIGN_TEXT[sign]} safe integer quantity, got ${show(quantity)}.`,
    );
  if (parseInstant(entry['at']) === undefined)
    throw invalid(index, entry, 'at', `${show(entry['at'])} is not an ISO 8601 instant with an offset.`);
  for (const field of OPTIONAL_STRINGS) {
    if (entry[field] !== undefined && !isNonEmptyString(entry[field]))
      throw invalid(index, entry, field, `expected a non-empty string when present, got ${show(entry[field])}.`);
  }
  for (const field of INSTANT_FIELDS) {
    if (entry[field] !== undefined && parseInstant(entry[field]) === undefined)
      throw invalid(index, entry, field, `${show(entry[field])} is not an ISO 8601 instant with an offset.`);
  }
  for (const field of COUNT_FIELDS) {
    if (
      entry[field] !== undefined &&
      !(typeof entry[field] === 'number' && Number.isSafeInteger(entry[field]) && entry[field] >= 0)
    )
      throw invalid(
        index,
        entry,
        field,
        `expected a non-negative safe integer when present, got ${show(entry[field])}.`,
      );
  }
  switch (kind as LedgerEntryKind) {
    case 'reservation':
    case 'reservation_extended':
    case 'release':
      need(entry, index, kind, 'reservationId');
      break;
    case 'scheduled_receipt':
      need(entry, index, kind, 'receiptId');
      if (quantity > 0) need(entry, index, kind, 'expectedAt');
      break;
    case 'transfer_out':
      need(entry, index, kind, 'counterpartLocation');
      if (entry['counterpartLocation'] === entry['location'])
        throw invalid(index, entry, 'counterpartLocation', 'a transfer needs two different locations.');
      break;
    case 'cycle_count':
      if (
        typeof entry['counted'] === 'number' &&
        typeof entry['expected'] === 'number' &&
        entry['counted'] - entry['expected'] !== quantity
      )
        throw invalid(
          index,
          entry,
          'quantity',
          `a cycle count's quantity must be counted − expected (${entry['counted']} − ${entry['expected']}).`,
        );
      break;
    default:
      break;
  }
}

/**
 * Where a record's hold sits in its balance. A record without its hold means the state is not a
 * fold of one ledger — typically a partial state loaded with the reservation but not its SKU's
 * balances — and is refused as such rather than read as missing data.
 */
function holdIndex(b: MutableBalance, record: MutableRecord, entry: LedgerEntry, index: number): number {
  const at = b.holds.findIndex((h) => h.reservationId === record.reservationId);
  if (at < 0)
    throw invalid(
      index,
      entry,
      'reservationId',
      `the state has reservation ${show(record.reservationId)} but not its hold at ${show(b.sku)} / ${show(b.location)} (load the SKU's balances with the reservation).`,
    );
  return at;
}

function statusOf(record: MutableRecord): ReservationStatus {
  if (record.open > 0) return 'active';
  if (record.committed > 0) return record.released > 0 ? 'partially_committed' : 'committed';
  return 'released';
}

function sortIncoming(incoming: IncomingReceipt[]): void {
  incoming.sort((a, b) => {
    const byTime = (parseInstant(a.expectedAt) ?? 0) - (parseInstant(b.expectedAt) ?? 0);
    if (byTime !== 0) return byTime;
    return a.receiptId < b.receiptId ? -1 : a.receiptId > b.receiptId ? 1 : 0;
  });
}

/**
 * How a folder treats the state it is given:
 * - `pure`: the caller's state is never touched: containers are copied on first write, balances,
 *   records and operations the first time an entry changes them (applyLedgerEntries, applyIntent);
 * - `in_place`: the caller owns the state and lends it (the in-memory store): everything is changed
 *   in place, and each container write and the prior value of each balance, record and operation
 *   touched are journaled, so `rollback` restores the state exactly when an entry does not fold;
 * - `owned`: the state is the folder's own (foldLedger from empty): changed in place, nothing journaled.
 */
export type FoldMode = 'pure' | 'in_place' | 'owned';

function copyBalanceInto(target: MutableBalance, source: StockBalance): void {
  target.onHand = source.onHand;
  target.reserved = source.reserved;
  target.allocated = source.allocated;
  target.available = source.available;
  target.inTransit = source.inTransit;
  target.incoming = source.incoming.slice();
  target.holds = source.holds.slice();
  target.version = source.version;
}

/** A deep copy of a balance (its arrays too): what a store hands out of state it keeps changing. */
export function copyBalance(b: StockBalance): StockBalance {
  return {
    sku: b.sku,
    location: b.location,
    onHand: b.onHand,
    reserved: b.reserved,
    allocated: b.allocated,
    available: b.available,
    inTransit: b.inTransit,
    incoming: b.incoming.slice(),
    holds: b.holds.slice(),
    version: b.version,
  };
}

/** A copy of an applied operation (its id list too). */
export function copyOperation(operation: AppliedOperation): AppliedOperation {
  return { key: operation.key, entryIds: operation.entryIds.slice() };
}

/** Applies entries to a state: the single implementation of the ledger's fold. */
export class LedgerFolder {
  private balances: Container<Container<MutableBalance>>;
  private reservations: Container<MutableRecord>;
  private operations: Container<MutableOperation>;
  private entries: number;
  /** Pure mode: objects created or copied by this folder, safe to mutate until `result()` publishes them. */
  private readonly fresh = new Set<object>();
  /** In-place mode: undo log of container writes, flat: container, key, previous value, whether it existed. */
  private readonly journal: unknown[] = [];
  /** In-place mode: objects whose prior value is saved (or that this folder created): usually a handful. */
  private readonly saved: object[] = [];
  private savedSet: Set<object> | undefined;
  private readonly restores: unknown[] = [];

  constructor(
    state: InventoryState,
    private readonly mode: FoldMode,
  ) {
    this.balances = state.balances as Container<Container<MutableBalance>>;
    this.reservations = state.reservations as Container<MutableRecord>;
    this.operations = state.operations as Container<MutableOperation>;
    this.entries = state.entries;
    if (mode === 'pure') {
      this.balances = { ...this.balances };
      this.reservations = { ...this.reservations };
      this.operations = { ...this.operations };
      this.fresh.add(this.balances).add(this.reservations).add(this.operations);
    }
  }

  /** Writes a key in a container, journaling in place mode. */
  private write<T>(container: Container<T>, key: string, value: T): void {
    if (this.mode === 'in_place') {
      const existed = Object.hasOwn(container, key);
      this.journal.push(container, key, existed ? container[key] : undefined, existed);
    }
    put(container, key, value);
  }

  /** In place: whether `object` may be changed without saving it first (saved already, or new). */
  private isSaved(object: object): boolean {
    // An intent touches a few objects: a linear scan beats allocating a Set per intent; large intents
    // (a reconciliation over many balances) switch to a Set.
    if (this.savedSet !== undefined) {
      if (this.savedSet.has(object)) return true;
      this.savedSet.add(object);
      return false;
    }
    if (this.saved.includes(object)) return true;
    this.saved.push(object);
    if (this.saved.length > 32) this.savedSet = new Set(this.saved);
    return false;
  }

  private skuBalances(sku: string): Container<MutableBalance> {
    const current = own(this.balances, sku);
    if (current !== undefined && (this.mode !== 'pure' || this.fresh.has(current))) return current;
    const copy: Container<MutableBalance> = current === undefined ? {} : { ...current };
    if (this.mode === 'pure') this.fresh.add(copy);
    this.write(this.balances, sku, copy);
    return copy;
  }

  private balance(sku: string, location: string): MutableBalance {
    const bySku = this.skuBalances(sku);
    const current = own(bySku, location);
    if (current !== undefined) {
      if (this.mode === 'owned') return current;
      if (this.mode === 'in_place') {
        if (!this.isSaved(current)) this.restores.push(current, copyBalance(current));
        return current;
      }
      if (this.fresh.has(current)) return current;
    }
    const copy: MutableBalance =
      current === undefined
        ? {
            sku,
            location,
            onHand: 0,
            reserved: 0,
            allocated: 0,
            available: 0,
            inTransit: 0,
            incoming: [],
            holds: [],
            version: 0,
          }
        : (copyBalance(current) as MutableBalance);
    if (this.mode === 'pure') this.fresh.add(copy);
    else if (this.mode === 'in_place') this.isSaved(copy);
    this.write(bySku, location, copy);
    return copy;
  }

  private record(id: string): MutableRecord | undefined {
    const current = own(this.reservations, id);
    if (current === undefined || this.mode === 'owned') return current;
    if (this.mode === 'in_place') {
      if (!this.isSaved(current)) this.restores.push(current, { ...current });
      return current;
    }
    if (this.fresh.has(current)) return current;
    const copy: MutableRecord = { ...current };
    this.fresh.add(copy);
    this.write(this.reservations, id, copy);
    return copy;
  }

  /** A new reservation record, written into the reservations container. */
  private addRecord(id: string, record: MutableRecord): void {
    if (this.mode === 'pure') this.fresh.add(record);
    else if (this.mode === 'in_place') this.isSaved(record);
    this.write(this.reservations, id, record);
  }

  /** Shrinks hold `id` by `units` (the caller checked it holds them) and keeps the record in step. */
  private takeFromHold(
    b: MutableBalance,
    record: MutableRecord,
    units: number,
    committed: boolean,
    entry: LedgerEntry,
    index: number,
  ): void {
    const at = holdIndex(b, record, entry, index);
    const hold = b.holds[at] as ReservationHold;
    if (hold.quantity === units) b.holds.splice(at, 1);
    else b.holds[at] = { ...hold, quantity: hold.quantity - units };
    b.reserved -= units;
    record.open -= units;
    if (committed) record.committed += units;
    else record.released += units;
    record.status = statusOf(record);
  }

  /** The record of an open hold at this entry's SKU and location, or a refusal. */
  private openRecord(entry: LedgerEntry, index: number, units: number): MutableRecord {
    const id = entry.reservationId as string;
    const record = this.record(id);
    if (record === undefined) throw invalid(index, entry, 'reservationId', `no reservation ${show(id)} in the ledger.`);
    if (record.sku !== entry.sku || record.location !== entry.location)
      throw invalid(
        index,
        entry,
        'reservationId',
        `reservation ${show(id)} holds ${show(record.sku)} at ${show(record.location)}.`,
      );
    if (record.open < units)
      throw invalid(index, entry, 'quantity', `reservation ${show(id)} holds ${record.open}, fewer than ${units}.`);
    return record;
  }

  /** Applies one entry (already shape-checked), or throws a refusal naming it. */
  apply(entry: LedgerEntry, index: number): void {
    const q = entry.quantity;
    const b = this.balance(entry.sku, entry.location);
    switch (entry.kind) {
      case 'receipt': {
        b.onHand += q;
        const at = entry.receiptId === undefined ? -1 : b.incoming.findIndex((r) => r.receiptId === entry.receiptId);
        const scheduled = b.incoming[at];
        if (scheduled !== undefined) {
          if (scheduled.quantity <= q) b.incoming.splice(at, 1);
          else b.incoming[at] = { ...scheduled, quantity: scheduled.quantity - q };
        }
        break;
      }
      case 'scheduled_receipt': {
        const at = b.incoming.findIndex((r) => r.receiptId === entry.receiptId);
        const scheduled = b.incoming[at];
        const left = (scheduled?.quantity ?? 0) + q;
        if (left < 0)
          throw invalid(
            index,
            entry,
            'quantity',
            `scheduled receipt ${show(entry.receiptId)} expects ${scheduled?.quantity ?? 0}, fewer than ${-q}.`,
          );
        const expectedAt = entry.expectedAt ?? scheduled?.expectedAt;
        if (at >= 0) b.incoming.splice(at, 1);
        if (left > 0 && expectedAt !== undefined) {
          b.incoming.push({ receiptId: entry.receiptId as string, quantity: left, expectedAt });
          sortIncoming(b.incoming);
        }
        break;
      }
      case 'adjustment':
      case 'cycle_count':
      case 'return':
        b.onHand += q;
        break;
      case 'transfer_out': {
        b.onHand += q;
        b.available = b.onHand - b.reserved - b.allocated;
        b.version += 1;
        const destination = this.balance(entry.sku, entry.counterpartLocation as string);
        destination.inTransit -= q;
        destination.version += 1;
        this.finish(entry);
        return;
      }
      case 'transfer_in':
        b.onHand += q;
        b.inTransit -= Math.min(q, b.inTransit);
        break;
      case 'reservation': {
        const id = entry.reservationId as string;
        const existing = this.record(id);
        if (existing !== undefined) {
          if (existing.sku !== entry.sku || existing.location !== entry.location)
            throw invalid(
              index,
              entry,
              'reservationId',
              `reservation ${show(id)} already holds ${show(existing.sku)} at ${show(existing.location)}.`,
            );
          if (existing.status !== 'active')
            throw invalid(
              index,
              entry,
              'reservationId',
              `reservation ${show(id)} is ${existing.status}; it cannot hold more.`,
            );
          existing.reserved += q;
          existing.open += q;
          if (entry.expiresAt !== undefined) existing.expiresAt = entry.expiresAt;
          const at = b.holds.findIndex((h) => h.reservationId === id);
          const hold = b.holds[at] as ReservationHold;
          b.holds[at] = {
            ...hold,
            quantity: hold.quantity + q,
            ...(entry.expiresAt === undefined ? {} : { expiresAt: entry.expiresAt }),
          };
        } else {
          const record: MutableRecord = {
            reservationId: id,
            sku: entry.sku,
            location: entry.location,
            status: 'active',
            reserved: q,
            open: q,
            committed: 0,
            released: 0,
          };
          if (entry.expiresAt !== undefined) record.expiresAt = entry.expiresAt;
          if (entry.owner !== undefined) record.owner = entry.owner;
          if (entry.reference !== undefined) record.reference = entry.reference;
          this.addRecord(id, record);
          const hold: Mutable<ReservationHold> = { reservationId: id, quantity: q };
          if (entry.expiresAt !== undefined) hold.expiresAt = entry.expiresAt;
          if (entry.owner !== undefined) hold.owner = entry.owner;
          if (entry.reference !== undefined) hold.reference = entry.reference;
          let at = b.holds.length;
          while (at > 0 && (b.holds[at - 1] as ReservationHold).reservationId > id) at -= 1;
          b.holds.splice(at, 0, hold);
        }
        b.reserved += q;
        break;
      }
      case 'reservation_extended': {
        const record = this.openRecord(entry, index, 1);
        const at = holdIndex(b, record, entry, index);
        const { expiresAt: _previous, ...hold } = b.holds[at] as ReservationHold;
        b.holds[at] = entry.expiresAt === undefined ? hold : { ...hold, expiresAt: entry.expiresAt };
        if (entry.expiresAt === undefined) delete record.expiresAt;
        else record.expiresAt = entry.expiresAt;
        break;
      }
      case 'release':
        this.takeFromHold(b, this.openRecord(entry, index, -q), -q, false, entry, index);
        break;
      case 'allocation':
        if (entry.reservationId !== undefined)
          this.takeFromHold(b, this.openRecord(entry, index, q), q, true, entry, index);
        b.allocated += q;
        break;
      case 'deallocation':
        if (b.allocated < -q)
          throw invalid(index, entry, 'quantity', `only ${b.allocated} allocated, fewer than ${-q}.`);
        b.allocated += q;
        break;
      case 'shipment':
        if (entry.allocationId !== undefined) {
          if (b.allocated < -q)
            throw invalid(index, entry, 'quantity', `only ${b.allocated} allocated, fewer than ${-q}.`);
          b.allocated += q;
        } else if (entry.reservationId !== undefined) {
          this.takeFromHold(b, this.openRecord(entry, index, -q), -q, true, entry, index);
        }
        b.onHand += q;
        break;
    }
    b.available = b.onHand - b.reserved - b.allocated;
    b.version += 1;
    this.finish(entry);
  }

  private finish(entry: LedgerEntry): void {
    this.entries += 1;
    if (entry.operation === undefined) return;
    const current = own(this.operations, entry.operation);
    if (current !== undefined) {
      if (this.mode === 'owned' || (this.mode === 'pure' && this.fresh.has(current))) {
        current.entryIds.push(entry.id);
        return;
      }
      if (this.mode === 'in_place') {
        if (!this.isSaved(current)) this.restores.push(current, current.entryIds.length);
        current.entryIds.push(entry.id);
        return;
      }
    }
    const next: MutableOperation = {
      key: entry.operation,
      entryIds: current === undefined ? [entry.id] : [...current.entryIds, entry.id],
    };
    if (this.mode === 'pure') this.fresh.add(next);
    else if (this.mode === 'in_place') this.isSaved(next);
    this.write(this.operations, entry.operation, next);
  }

  /** Undoes every in-place change since the folder was made (pure folders have nothing to undo). */
  rollback(): void {
    const restores = this.restores;
    for (let i = restores.length - 2; i >= 0; i -= 2) {
      const target = restores[i] as Record<string, unknown>;
      const prior = restores[i + 1];
      if (typeof prior === 'number') (target as MutableOperation).entryIds.length = prior;
      else if ('holds' in target) copyBalanceInto(target as MutableBalance, prior as StockBalance);
      else {
        for (const key of Object.keys(target)) if (!Object.hasOwn(prior as object, key)) delete target[key];
        Object.assign(target, prior);
      }
    }
    restores.length = 0;
    const journal = this.journal;
    for (let i = journal.length - 4; i >= 0; i -= 4) {
      const container = journal[i] as Container<unknown>;
      const key = journal[i + 1] as string;
      if (journal[i + 3] === true) put(container, key, journal[i + 2]);
      else delete container[key];
    }
    this.journal.length = 0;
  }

  /** The folded state; the folder must not be used after this. */
  result(): InventoryState {
    return {
      balances: this.balances,
      reservations: this.reservations,
      operations: this.operations as Container<AppliedOperation>,
      entries: this.entries,
    };
  }
}

/** The state of an empty ledger. */
export function emptyState(): InventoryState {
  return { balances: {}, reservations: {}, operations: {}, entries: 0 };
}

/**
 * Applies entries all-or-nothing. Pure mode leaves `state` untouched and returns a new state; in-place
 * mode (`inPlace`, for a store that owns `state`) writes into it and undoes every write on failure.
 */
export function applyEntries(
  state: InventoryState,
  entries: readonly unknown[],
  mode: FoldMode,
): { readonly ok: true; readonly state: InventoryState } | { readonly ok: false; readonly error: InventoryError } {
  const folder = new LedgerFolder(state, mode);
  const ids = entries.length > 1 ? new Set<string>() : undefined;
  try {
    for (let i = 0; i < entries.length; i += 1) {
      const entry = entries[i];
      checkEntryShape(entry, i);
      if (ids !== undefined) {
        if (ids.has(entry.id))
          throw new InventoryError('duplicate_entry_id', `entries[${i}].id: ${show(entry.id)} appears twice.`, {
            index: i,
            entryId: entry.id,
            field: 'id',
          });
        ids.add(entry.id);
      }
      folder.apply(entry, i);
    }
  } catch (error) {
    folder.rollback();
    if (error instanceof InventoryError) return { ok: false, error };
    throw error;
  }
  return { ok: true, state: folder.result() };
}
