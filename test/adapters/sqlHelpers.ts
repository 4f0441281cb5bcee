// Shared by the PGlite and PostgreSQL tests of the SQL adapters (not a test file itself).
import type { SqlClient } from '../../src/adapters/index.js';
import type { InventoryIntent } from '../../src/inventory/index.js';

export const at = '2026-11-22T10:00:00Z';

const INVENTORY_TABLES = [
  'inventory_ledger',
  'inventory_balances',
  'inventory_holds',
  'inventory_incoming',
  'inventory_reservations',
  'inventory_operations',
];

/** Empties the inventory tables of a schema (a fresh store for the next case). */
export async function resetInventory(client: SqlClient, schema?: string): Promise<void> {
  const p = schema === undefined ? '' : `"${schema}".`;
  await client.query(`TRUNCATE ${INVENTORY_TABLES.map((t) => p + t).join(', ')}`);
  await client.query(`UPDATE ${p}inventory_ledger_head SET length = 0 WHERE id = 1`);
}

/** How many rows a table holds (placeholders included). */
export async function countRows(client: SqlClient, table: string, schema?: string): Promise<number> {
  const p = schema === undefined ? '' : `"${schema}".`;
  const r = await client.query(`SELECT count(*) AS n FROM ${p}${table}`);
  return Number(r.rows[0]?.['n']);
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const receipt = (key: string, sku: string, quantity: number, location = 'dc'): InventoryIntent => ({
  key,
  kind: 'receive',
  entries: [{ id: `${key}#0`, kind: 'receipt', sku, location, quantity, at, operation: key }],
  preconditions: [{ kind: 'operation_absent', key }],
});

export const reservation = (
  key: string,
  sku: string,
  quantity: number,
  expiresAt?: string,
  location = 'dc',
): InventoryIntent => ({
  key,
  kind: 'reserve',
  entries: [
    {
      id: `${key}#0`,
      kind: 'reservation',
      sku,
      location,
      quantity,
      at,
      reservationId: key,
      owner: key,
      operation: key,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    },
  ],
  preconditions: [
    { kind: 'operation_absent', key },
    { kind: 'available_at_least', sku, location, quantity, now: at, safetyStock: 0, backorderLimit: 0 },
  ],
});
