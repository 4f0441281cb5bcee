import { err, ok, type Result } from '../core/result.js';
import { isRecord, show } from '../core/show.js';
import { ShippingError } from './errors.js';
import { checkRateTable, checkShipment, resolvePolicy } from './internal/check.js';
import { quoteCheckedCarrier } from './quoteCarrier.js';
import { selectChecked } from './selectCarrier.js';
import type {
  CarrierPolicy,
  CarrierRateTable,
  CarrierSelection,
  RateQuote,
  Shipment,
  UnavailableService,
} from './types.js';

/**
 * Options for {@link shopRates}.
 *
 * @example
 * ```ts
 * import type { ShopRatesOptions } from 'ordercore/shipping';
 *
 * const options: ShopRatesOptions = { policy: { objective: 'fastest' } };
 * options.policy?.objective; //=> 'fastest'
 * ```
 */
export interface ShopRatesOptions {
  /** How to choose (see `selectCarrier`). Default `{}`: cheapest; `mustArriveBy` defaults to the shipment's `promisedBy`. */
  readonly policy?: CarrierPolicy;
}

/**
 * The outcome of rate shopping: the choice and its explanation (as `selectCarrier` gives them),
 * every quote obtained, and every carrier service that could not quote and why.
 *
 * @example
 * ```ts
 * import type { RateShopResult } from 'ordercore/shipping';
 *
 * const pick = (r: RateShopResult): string => r.chosen.id;
 * typeof pick; //=> 'function'
 * ```
 */
export interface RateShopResult extends CarrierSelection {
  /** Every quote, by id. */
  readonly quotes: readonly RateQuote[];
  /** The services that could not quote, by carrier id then service id. */
  readonly unavailable: readonly UnavailableService[];
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Shops a shipment across carriers' rate tables and chooses one quote: every service of every
 * carrier is quoted (`quoteCarrier`: destination restrictions, zone, parcel weight and size limits,
 * billable weight with the carrier's divisor, weight breaks, fuel surcharge, delivery estimate with
 * the carrier's calendar), then `selectCarrier` applies the policy. The result explains the choice,
 * each outranked or rejected quote, and each service that could not quote at all.
 *
 * @param shipment - The shipment; its `promisedBy` is the policy's default `mustArriveBy`.
 * @param carriers - The carriers' rate tables, unique carrier ids.
 * @param options - {@link ShopRatesOptions}: the policy.
 * @returns The {@link RateShopResult}, or a {@link ShippingError}: `no_feasible_quote` (with
 *   `details.unavailable` and `details.decisions`), `invalid_shipment`, `invalid_rate_table`,
 *   `invalid_policy`, `invalid_options`, `currency_mismatch`.
 * @example
 * ```ts
 * import { createExampleCarrier, shopRates } from 'ordercore/shipping';
 *
 * const shipment = {
 *   id: 'o-1', shipDate: '2026-11-23', promisedBy: '2026-11-25', destination: { country: 'US', postalCode: '94107' },
 *   parcels: [{ id: 'box-1', weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 150 }],
 * };
 * const r = shopRates(shipment, [createExampleCarrier().rateTable]);
 * r.ok && r.value.chosen.id; //=> 'example-parcel:ground'
 * r.ok && r.value.decisions.map((d) => `${d.quoteId} ${d.outcome}`); //=> ['example-parcel:ground chosen', 'example-parcel:express outranked', 'example-parcel:saver rejected']
 * ```
 */
export function shopRates(
  shipment: Shipment,
  carriers: readonly CarrierRateTable[],
  options: ShopRatesOptions = {},
): Result<RateShopResult, ShippingError> {
  const bad = checkShipment(shipment);
  if (bad !== undefined) return err(bad);
  if (!isRecord(options))
    return err(
      new ShippingError('invalid_options', `options: expected an object (got ${show(options)}).`, { field: 'options' }),
    );
  if (!Array.isArray(carriers) || carriers.length > 1_000)
    return err(
      new ShippingError(
        'invalid_rate_table',
        `carriers: expected an array of at most 1,000 rate tables (got ${show(carriers)}).`,
        {
          field: 'carriers',
        },
      ),
    );
  const policyInput: unknown = (options as ShopRatesOptions).policy ?? {};
  const policy = resolvePolicy(
    isRecord(policyInput) && policyInput['mustArriveBy'] === undefined && shipment.promisedBy !== undefined
      ? { ...policyInput, mustArriveBy: shipment.promisedBy }
      : policyInput,
  );
  if (policy instanceof ShippingError) return err(policy);
  const quotes: RateQuote[] = [];
  const unavailable: UnavailableService[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < carriers.length; i += 1) {
    const table = carriers[i] as CarrierRateTable;
    const calendar = checkRateTable(table, `carriers[${i}]`);
    if (calendar instanceof ShippingError) return err(calendar);
    if (seen.has(table.carrierId))
      return err(
        new ShippingError('invalid_rate_table', `carriers[${i}].carrierId: ${show(table.carrierId)} appears twice.`, {
          field: `carriers[${i}].carrierId`,
        }),
      );
    seen.add(table.carrierId);
    const quoted = quoteCheckedCarrier(shipment, table, calendar);
    if (!quoted.ok) return quoted;
    quotes.push(...quoted.value.quotes);
    unavailable.push(...quoted.value.unavailable);
  }
  quotes.sort((a, b) => byCode(a.id, b.id));
  unavailable.sort((a, b) => byCode(a.carrierId, b.carrierId) || byCode(a.serviceId, b.serviceId));
  const selection = selectChecked(quotes, policy);
  if (!selection.ok) {
    const e = selection.error;
    return err(
      e.code === 'no_feasible_quote'
        ? new ShippingError(
            'no_feasible_quote',
            `shipment ${show(shipment.id)}: no carrier service can carry it under the policy (${quotes.length} quoted, ${unavailable.length} unavailable).`,
            { ...e.details, unavailable },
          )
        : e,
    );
  }
  return ok({ ...selection.value, quotes, unavailable });
}
