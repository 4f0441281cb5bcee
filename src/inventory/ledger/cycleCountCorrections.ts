import type { Result } from '../../core/result.js';
import { show } from '../../core/show.js';
import { InventoryError } from '../errors.js';
import { balanceOf, byCodeUnits, type DraftEntry, guard, settle } from '../internal/operation.js';
import { checkOptions, field, integer, invalidRequest } from '../internal/requests.js';
import type { InventoryOperation, InventoryPrecondition, InventoryState } from '../types.js';
import { pairName, readPairs } from './internal/pairs.js';
import type { CycleCount, CycleCountOptions } from './types.js';

type CountLine = { sku: string; location: string; counted: number; version: number | undefined };

function optionText(options: Record<string, unknown>, name: string, required: boolean): string | undefined {
  const value = field(options, name);
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim().length === 0)
    throw new InventoryError('invalid_options', `options.${name}: expected a non-blank string, got ${show(value)}.`, {
      field: name,
    });
  return value;
}

/** The count sheet's lines, checked (each names `counts[i].field`), in the sheet's order. */
function readCounts(counts: unknown): CountLine[] {
  if (!Array.isArray(counts) || counts.length === 0)
    throw invalidRequest('counts', `expected a non-empty array of counts, got ${show(counts)}.`);
  return readPairs(
    counts,
    'counts',
    (line, prefix, sku, location) => ({
      sku,
      location,
      counted: integer(line, 'counted', 'nonnegative', prefix),
      version: field(line, 'version') !== undefined ? integer(line, 'version', 'nonnegative', prefix) : undefined,
    }),
    (sku, location, first) =>
      `${pairName(sku, location)} is counted twice (also counts[${first}]): which count is right?`,
  );
}

/**
 * Turns a count sheet into `cycle_count` entries that set the books to what was counted: for each
 * SKU and location, `expected` is the books' on hand, `counted` what was found, and the entry's
 * quantity `counted − expected` (negative: units missing; positive: units found).
 *
 * A count is a photograph of one moment. If anything moved the balance between the count and the
 * correction (a pick, a receipt), `counted − expected` compares two different moments and the
 * correction would be wrong. So every balance counted carries an `expected_version` precondition:
 * the version the count was taken against (`count.version`, printed on the count sheet), or — when
 * the caller gives none — the version in `state`. A count whose version is older than the state's
 * is refused at once (`precondition_failed`, with every stale line in `details.stale`); one that goes
 * stale before the adapter applies the intent is refused by the adapter. Recount either way.
 *
 * Lines that match the books are recorded too, as zero corrections: the ledger then shows that the
 * location was counted and found right (cycle-count accuracy is measured on every line counted).
 * Entries are in SKU, then location order (code units), whatever the sheet's order. When the books
 * show a negative on hand, `expected` is left out of the entry (the ledger keeps it non-negative);
 * the quantity still moves on hand to `counted`.
 *
 * @param state - The folded ledger (not modified).
 * @param counts - The count sheet: SKU, location, units counted and optionally the version counted against.
 * @param options - `now`, the count's idempotency `key`, and optional `reference` and `reason`.
 * @returns The next state, the intent (`kind: 'cycle_count'`) and `replayed`; or `invalid_request`
 *   (an empty sheet, a line counted twice, a negative count ... naming `counts[i].field`),
 *   `invalid_options`, `invalid_instant` or `precondition_failed` for a stale count.
 * @example
 * ```ts
 * import { cycleCountCorrections, foldLedger } from 'ordercore/inventory';
 *
 * const state = foldLedger([{ id: 'e-1', kind: 'receipt', sku: 'SHIRT', location: 'dc', quantity: 484, at: '2026-11-01T08:00:00Z' }]);
 * const options = { now: '2026-11-30T18:00:00Z', key: 'count-11-30' };
 * const r = cycleCountCorrections(state, [{ sku: 'SHIRT', location: 'dc', counted: 481, version: 1 }], options);
 * r.ok && r.value.intent.entries[0]?.quantity; //=> -3
 * r.ok && r.value.state.balances['SHIRT']?.['dc']?.onHand; //=> 481
 * const stale = cycleCountCorrections(state, [{ sku: 'SHIRT', location: 'dc', counted: 481, version: 0 }], options);
 * stale.ok || stale.error.code; //=> 'precondition_failed'
 * ```
 */
export function cycleCountCorrections(
  state: InventoryState,
  counts: readonly CycleCount[],
  options: CycleCountOptions,
): Result<InventoryOperation, InventoryError> {
  return guard(() => {
    const checked = checkOptions(options);
    const opts = options as unknown as Record<string, unknown>;
    const key = optionText(opts, 'key', true) as string;
    const reference = optionText(opts, 'reference', false);
    const reason = optionText(opts, 'reason', false) ?? 'cycle count';
    return settle(state, key, checked, readCounts(counts), {
      kind: 'cycle_count',
      plan: (lines) => {
        const drafts: DraftEntry[] = [];
        const preconditions: InventoryPrecondition[] = [];
        const stale: { sku: string; location: string; countedAt: number; current: number }[] = [];
        const sorted = [...lines].sort((a, b) => byCodeUnits(a.sku, b.sku) || byCodeUnits(a.location, b.location));
        for (const { sku, location, counted, version } of sorted) {
          const balance = balanceOf(state, sku, location);
          const current = balance?.version ?? 0;
          const countedAt = version ?? current;
          if (countedAt !== current) stale.push({ sku, location, countedAt, current });
          const expected = balance?.onHand ?? 0;
          const draft: DraftEntry = {
            kind: 'cycle_count',
            sku,
            location,
            quantity: counted - expected,
            counted,
            reason,
          };
          if (expected >= 0) draft.expected = expected;
          if (reference !== undefined) draft.reference = reference;
          drafts.push(draft);
          preconditions.push({ kind: 'expected_version', sku, location, version: countedAt });
        }
        const first = stale[0];
        if (first !== undefined) {
          const precondition = preconditions.find(
            (p) => p.kind === 'expected_version' && p.sku === first.sku && p.location === first.location,
          );
          throw new InventoryError(
            'precondition_failed',
            `count ${show(key)}: ${show(first.sku)} at ${show(first.location)} was counted at version ${first.countedAt}, ` +
              `but stock moved since (version ${first.current}); recount it.`,
            { key, precondition, stale },
          );
        }
        return { entries: drafts, preconditions };
      },
    });
  });
}
