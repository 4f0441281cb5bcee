import { err } from '../core/result.js';
import { isRecord, show } from '../core/show.js';
import { WorkflowError } from './errors.js';
import {
  allocateOrder,
  approveOrder,
  authorizePayment,
  cancelOrder,
  capturePayment,
  deliverOrder,
  editOrder,
  planPicking,
  receiveReturn,
  rejectOrder,
  requestReturn,
  shipOrder,
} from './internal/commands.js';
import type { Context } from './internal/engine.js';
import { placeOrder } from './internal/place.js';
import type { OrderService, OrderServiceAdapters, OrderServiceConfig } from './types.js';

const PORTS = ['orders', 'inventory', 'promotions', 'payments', 'outbox', 'clock', 'ids'] as const;

/**
 * Creates the order service: the imperative shell that composes pricing, validation, the order
 * machines, reservations, picking and payments with the ports. Every command carries an
 * idempotency key and returns a `Result`; a version conflict is retried with a fresh load; effects
 * for others go to the outbox; the time and new ids come only from the `Clock` and `IdGenerator`.
 *
 * @param adapters - The ports (orders, inventory, promotions, payments, outbox, clock, ids).
 * @param config - Catalog, promotions, stock locations, approval rules, warehouse, retries.
 * @returns The service.
 * @throws {@link WorkflowError} `invalid_request` when a port is missing or the config is malformed
 *   (a programming error, found at start-up, not per command).
 * @example
 * ```ts
 * import { createCounterIdGenerator, createInMemoryEventOutbox, createInMemoryInventoryStore, createInMemoryOrderRepository, createInMemoryPaymentGateway, createInMemoryPromotionUsageStore, createManualClock } from 'ordercore/adapters';
 * import { money } from 'ordercore/money';
 * import { createOrderService } from 'ordercore/workflows';
 *
 * const at = '2026-11-22T09:00:00Z';
 * const inventory = createInMemoryInventoryStore({
 *   ledger: [{ id: 'grn-1', kind: 'receipt', sku: 'MUG', location: 'dc', quantity: 5, at }],
 * });
 * const service = createOrderService(
 *   {
 *     orders: createInMemoryOrderRepository(), inventory, promotions: createInMemoryPromotionUsageStore(),
 *     payments: createInMemoryPaymentGateway(), outbox: createInMemoryEventOutbox(),
 *     clock: createManualClock('2026-11-22T10:00:00Z'), ids: createCounterIdGenerator(),
 *   },
 *   { catalog: { currency: 'USD', items: [{ sku: 'MUG' }], basePrices: [{ sku: 'MUG', price: money('8.00', 'USD') }] }, stockLocations: ['dc'] },
 * );
 * const placed = await service.placeOrder({
 *   key: 'checkout-1', orderId: 'o-1', channel: 'web', payment: { method: 'tok_visa' },
 *   customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' } },
 *   lines: [{ id: 'l1', sku: 'MUG', quantity: 2 }],
 * });
 * placed.ok && [placed.value.order.state, placed.value.order.payments[0]?.state]; //=> ['confirmed', 'authorized']
 * (await inventory.load({ skus: ['MUG'] })).balances['MUG']?.['dc']?.available; //=> 3
 * const again = await service.placeOrder({
 *   key: 'checkout-1', orderId: 'o-1', channel: 'web', payment: { method: 'tok_visa' },
 *   customer: { accountId: 'c-1', deliveryAddress: { line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' } },
 *   lines: [{ id: 'l1', sku: 'MUG', quantity: 2 }],
 * });
 * again.ok && again.value.replayed; //=> true
 * ```
 */
export function createOrderService(adapters: OrderServiceAdapters, config: OrderServiceConfig): OrderService {
  if (!isRecord(adapters))
    throw new WorkflowError('invalid_request', `adapters: expected an object, got ${show(adapters)}.`, {
      field: 'adapters',
    });
  for (const name of PORTS)
    if (!isRecord(adapters[name]))
      throw new WorkflowError('invalid_request', `adapters.${name}: expected the port, got ${show(adapters[name])}.`, {
        field: `adapters.${name}`,
      });
  if (!isRecord(config) || !isRecord(config.catalog))
    throw new WorkflowError('invalid_request', 'config.catalog: expected a catalog.', { field: 'config.catalog' });
  if (
    !Array.isArray(config.stockLocations) ||
    config.stockLocations.length === 0 ||
    !config.stockLocations.every((l) => typeof l === 'string' && l.length > 0)
  )
    throw new WorkflowError(
      'invalid_request',
      `config.stockLocations: expected a non-empty array of location ids, got ${show(config.stockLocations)}.`,
      {
        field: 'config.stockLocations',
      },
    );
  const maxAttempts = config.maxAttempts ?? 5;
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100)
    throw new WorkflowError(
      'invalid_request',
      `config.maxAttempts: expected an integer from 1 to 100, got ${show(maxAttempts)}.`,
      {
        field: 'config.maxAttempts',
      },
    );
  const ctx: Context = {
    adapters,
    config,
    actor: config.actor ?? { kind: 'system', id: 'order-service' },
    maxAttempts,
  };
  // Every command returns a Result; a bug that throws still comes back as a value naming the command.
  const guarded =
    <A, R>(name: string, run: (ctx: Context, request: A) => Promise<R>) =>
    async (request: A): Promise<R> => {
      try {
        return await run(ctx, request);
      } catch (error) {
        return err(
          new WorkflowError(
            'adapter_failed',
            `${name} failed: ${error instanceof Error ? error.message : show(error)}`,
            {
              step: name,
              stack: error instanceof Error ? error.stack : undefined,
            },
          ),
        ) as R;
      }
    };
  return {
    placeOrder: guarded('placeOrder', placeOrder),
    approveOrder: guarded('approveOrder', approveOrder),
    rejectOrder: guarded('rejectOrder', rejectOrder),
    authorizePayment: guarded('authorizePayment', authorizePayment),
    capturePayment: guarded('capturePayment', capturePayment),
    allocateOrder: guarded('allocateOrder', allocateOrder),
    planPicking: guarded('planPicking', planPicking),
    shipOrder: guarded('shipOrder', shipOrder),
    deliverOrder: guarded('deliverOrder', deliverOrder),
    cancelOrder: guarded('cancelOrder', cancelOrder),
    requestReturn: guarded('requestReturn', requestReturn),
    receiveReturn: guarded('receiveReturn', receiveReturn),
    editOrder: guarded('editOrder', editOrder),
  };
}
