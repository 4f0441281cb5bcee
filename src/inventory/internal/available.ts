import { parseInstant } from '../../core/instant.js';
import type { AvailabilityPolicy, StockBalance } from '../types.js';
import { own } from './fold.js';

// The one definition of "available to promise" at one SKU and location, shared by
// availableToPromise, the reservation operations, the `available_at_least` precondition and the
// in-memory store: onHand − allocated − Σ holds not expired at now (other than the caller's own)
// − safety stock + backorder limit. Linear in the open holds, independent of the ledger's length.

/** Units promisable at a balance (may be negative when stock was oversold or safety stock is unmet). */
export function promisable(
  balance: StockBalance | undefined,
  nowMs: number,
  safetyStock: number,
  backorderLimit: number,
  excludeOwner?: string,
): number {
  if (balance === undefined) return backorderLimit - safetyStock;
  let held = 0;
  for (const hold of balance.holds) {
    if (hold.expiresAt !== undefined && (parseInstant(hold.expiresAt) ?? 0) <= nowMs) continue;
    if (excludeOwner !== undefined && hold.owner === excludeOwner) continue;
    held += hold.quantity;
  }
  return balance.onHand - balance.allocated - held - safetyStock + backorderLimit;
}

/** The safety stock a policy sets for a SKU (0 when it sets none). */
export function safetyStockOf(policy: AvailabilityPolicy | undefined, sku: string): number {
  return policy?.safetyStock === undefined ? 0 : (own(policy.safetyStock, sku) ?? 0);
}

/** How far below zero a policy lets a SKU be promised (0 when it is not backorderable). */
export function backorderLimitOf(policy: AvailabilityPolicy | undefined, sku: string): number {
  return policy?.backorderLimit === undefined ? 0 : (own(policy.backorderLimit, sku) ?? 0);
}
