import { err, ok, type Result } from '../core/result.js';
import { show } from '../core/show.js';
import { ShippingError } from './errors.js';
import { checkQuote, type ResolvedPolicy, resolvePolicy } from './internal/check.js';
import { dayNumber } from './internal/dates.js';
import {
  type CarrierPolicy,
  type CarrierSelection,
  type QuoteDecision,
  type QuoteRejection,
  type RankingKey,
  type RateQuote,
  SERVICE_LEVELS,
} from './types.js';

const CHEAPEST: readonly RankingKey[] = [
  'price',
  'estimated_delivery',
  'transit_days',
  'service_level',
  'carrier_id',
  'service_id',
  'quote_id',
];
const FASTEST: readonly RankingKey[] = [
  'estimated_delivery',
  'price',
  'transit_days',
  'service_level',
  'carrier_id',
  'service_id',
  'quote_id',
];

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Negative when `a` is better than `b` on `key`. */
function compareOn(key: RankingKey, a: RateQuote, b: RateQuote): number {
  switch (key) {
    case 'price':
      return a.price.amount - b.price.amount;
    case 'estimated_delivery':
      return (dayNumber(a.estimatedDelivery) ?? 0) - (dayNumber(b.estimatedDelivery) ?? 0);
    case 'transit_days':
      return a.transitDays - b.transitDays;
    case 'service_level':
      return SERVICE_LEVELS.indexOf(b.serviceLevel) - SERVICE_LEVELS.indexOf(a.serviceLevel);
    case 'carrier_id':
      return byCode(a.carrierId, b.carrierId);
    case 'service_id':
      return byCode(a.serviceId, b.serviceId);
    case 'quote_id':
      return byCode(a.id, b.id);
  }
}

/** The first key on which `a` and `b` differ, and the sign there (0 only for the same quote id). */
function firstDifference(keys: readonly RankingKey[], a: RateQuote, b: RateQuote): [RankingKey, number] {
  for (const key of keys) {
    const c = compareOn(key, a, b);
    if (c !== 0) return [key, c];
  }
  return ['quote_id', 0];
}

function rejectionsOf(quote: RateQuote, policy: ResolvedPolicy, currency: string): QuoteRejection[] {
  const out: QuoteRejection[] = [];
  const sameCurrency = quote.price.currency === currency;
  if (!sameCurrency) out.push('currency_mismatch');
  if (policy.carriers !== undefined && !policy.carriers.has(quote.carrierId)) out.push('carrier_not_allowed');
  if (policy.excluded.has(quote.carrierId)) out.push('carrier_excluded');
  if (policy.levels !== undefined && !policy.levels.has(quote.serviceLevel)) out.push('service_level_not_allowed');
  if (policy.minLevel !== undefined && SERVICE_LEVELS.indexOf(quote.serviceLevel) < policy.minLevel)
    out.push('service_level_too_low');
  if (policy.mustArriveBy !== undefined && (dayNumber(quote.estimatedDelivery) ?? 0) > policy.mustArriveBy)
    out.push('arrives_too_late');
  if (policy.maxPrice !== undefined && sameCurrency && quote.price.amount > policy.maxPrice.amount)
    out.push('over_max_price');
  if (policy.maxBillable !== undefined && quote.billableWeightGrams > policy.maxBillable)
    out.push('over_max_billable_weight');
  return out;
}

/** `selectCarrier` on quotes and a policy already checked (shared with `shopRates`). */
export function selectChecked(
  quotes: readonly RateQuote[],
  policy: ResolvedPolicy,
): Result<CarrierSelection, ShippingError> {
  let currency = policy.currency;
  if (currency === undefined) {
    const currencies = [...new Set(quotes.map((q) => q.price.currency))].sort(byCode);
    if (currencies.length > 1)
      return err(
        new ShippingError(
          'currency_mismatch',
          `quotes: prices in ${currencies.join(', ')} cannot be compared; set policy.currency.`,
          { currencies },
        ),
      );
    currency = currencies[0] ?? '';
  }
  const keys = policy.objective === 'fastest' ? FASTEST : CHEAPEST;
  const feasible: RateQuote[] = [];
  const rejected: { quote: RateQuote; rejections: QuoteRejection[] }[] = [];
  for (const quote of quotes) {
    const rejections = rejectionsOf(quote, policy, currency);
    if (rejections.length === 0) feasible.push(quote);
    else rejected.push({ quote, rejections });
  }
  feasible.sort((a, b) => firstDifference(keys, a, b)[1]);
  rejected.sort((a, b) => byCode(a.quote.id, b.quote.id));
  const rejectedDecisions: QuoteDecision[] = rejected.map(({ quote, rejections }) => ({
    quoteId: quote.id,
    outcome: 'rejected',
    rejections,
  }));
  const chosen = feasible[0];
  if (chosen === undefined)
    return err(
      new ShippingError(
        'no_feasible_quote',
        quotes.length === 0
          ? 'quotes: there is no quote to choose from.'
          : `quotes: none of the ${quotes.length} quotes satisfies the policy.`,
        { decisions: rejectedDecisions },
      ),
    );
  const decisions: QuoteDecision[] = feasible.map((quote, index) =>
    index === 0
      ? { quoteId: quote.id, outcome: 'chosen', rank: 1, rejections: [] }
      : {
          quoteId: quote.id,
          outcome: 'outranked',
          rank: index + 1,
          decidedBy: firstDifference(keys, chosen, quote)[0],
          rejections: [],
        },
  );
  const runnerUp = feasible[1];
  return ok({
    chosen,
    reason: {
      objective: policy.objective,
      decidedBy: runnerUp === undefined ? 'only_feasible' : firstDifference(keys, chosen, runnerUp)[0],
      ...(runnerUp === undefined ? {} : { runnerUp: runnerUp.id }),
      feasible: feasible.length,
      rejected: rejected.length,
    },
    decisions: [...decisions, ...rejectedDecisions],
  });
}

/** Checks quotes: an array of well-formed quotes with unique ids. */
export function checkQuotes(quotes: unknown): ShippingError | undefined {
  if (!Array.isArray(quotes) || quotes.length > 100_000)
    return new ShippingError(
      'invalid_quote',
      `quotes: expected an array of at most 100,000 quotes (got ${show(quotes)}).`,
      {
        field: 'quotes',
      },
    );
  const ids = new Set<string>();
  for (let i = 0; i < quotes.length; i += 1) {
    const bad = checkQuote(quotes[i], `quotes[${i}]`);
    if (bad !== undefined) return bad;
    const id = (quotes[i] as RateQuote).id;
    if (ids.has(id))
      return new ShippingError('duplicate_quote', `quotes[${i}].id: ${show(id)} appears twice.`, {
        field: `quotes[${i}].id`,
        quoteId: id,
      });
    ids.add(id);
  }
  return undefined;
}

/**
 * Chooses a carrier quote under a policy. Hard constraints first — comparison currency, allowed and
 * excluded carriers, allowed service levels and the minimum level, arrival on or before
 * `mustArriveBy`, the price cap and the billable-weight cap — reject quotes (each rejected quote
 * lists every constraint it breaks); the feasible quotes are then ranked by the objective with
 * explicit tie-breaks (see `RANKING_KEYS`), so the result never depends on the order of the input.
 * The trace says, for the chosen quote, on which key it beat the runner-up, and for every other quote
 * why it lost.
 *
 * @param quotes - The quotes (from `shopRates`, `quoteCarrier` or a `CarrierGateway`), unique ids.
 * @param policy - The objective and the constraints; `{}` picks the cheapest quote.
 * @returns The chosen quote, the reason and a decision per quote; or a {@link ShippingError}:
 *   `no_feasible_quote` (with the decisions in `details.decisions`), `currency_mismatch`,
 *   `invalid_quote`, `duplicate_quote`, `invalid_policy`.
 * @example
 * ```ts
 * import { money } from 'ordercore/money';
 * import { selectCarrier, type RateQuote } from 'ordercore/shipping';
 *
 * const quote = (id: string, price: string, estimatedDelivery: string): RateQuote => ({
 *   id, carrierId: id, serviceId: 'std', serviceLevel: 'standard', price: money(price, 'USD'),
 *   transitDays: 2, estimatedDelivery, billableWeightGrams: 1000,
 * });
 * const quotes = [quote('slow', '6.00', '2026-11-30'), quote('mid', '8.00', '2026-11-26'), quote('fast', '15.00', '2026-11-24')];
 * const r = selectCarrier(quotes, { mustArriveBy: '2026-11-27' });
 * r.ok && r.value.chosen.id; //=> 'mid'
 * r.ok && r.value.decisions.map((d) => `${d.quoteId}:${d.outcome}:${d.decidedBy ?? d.rejections.join('+')}`); //=> ['mid:chosen:', 'fast:outranked:price', 'slow:rejected:arrives_too_late']
 * ```
 */
export function selectCarrier(
  quotes: readonly RateQuote[],
  policy: CarrierPolicy = {},
): Result<CarrierSelection, ShippingError> {
  const bad = checkQuotes(quotes);
  if (bad !== undefined) return err(bad);
  const resolved = resolvePolicy(policy);
  if (resolved instanceof ShippingError) return err(resolved);
  return selectChecked(quotes, resolved);
}
