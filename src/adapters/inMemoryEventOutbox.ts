import { parseInstant } from '../core/instant.js';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { isRecord, show } from '../core/show.js';
import { AdapterError } from './errors.js';
import type {
  ClaimedMessage,
  EventOutbox,
  OutboxAppended,
  OutboxClaimRequest,
  OutboxDelivered,
  OutboxMessage,
} from './eventOutbox.js';

/**
 * The in-memory {@link EventOutbox}: the async port plus synchronous twins and a count of what is
 * waiting.
 *
 * @example
 * ```ts
 * import { createInMemoryEventOutbox } from 'ordercore/adapters';
 *
 * const outbox = createInMemoryEventOutbox();
 * outbox.appendSync([{ id: 'm-1', topic: 'notify_customer', payload: { orderId: 'o-1' } }]).ok; //=> true
 * outbox.pending(); //=> 1
 * ```
 */
export interface InMemoryEventOutbox extends EventOutbox {
  /**
   * {@link EventOutbox.append}, synchronously.
   *
   * @param messages - The effects to publish.
   * @returns As `append`, without the promise.
   */
  appendSync(messages: readonly OutboxMessage[]): Result<OutboxAppended, AdapterError>;
  /**
   * {@link EventOutbox.claim}, synchronously.
   *
   * @param request - Consumer, now, lease length, limit and topics.
   * @returns As `claim`, without the promise.
   * @throws {@link AdapterError} `invalid_request` for a malformed request.
   */
  claimSync(request: OutboxClaimRequest): readonly ClaimedMessage[];
  /**
   * {@link EventOutbox.markDelivered}, synchronously.
   *
   * @param id - The message id.
   * @param claimToken - The claim's token.
   * @returns As `markDelivered`, without the promise.
   */
  markDeliveredSync(id: string, claimToken: string): Result<OutboxDelivered, AdapterError>;
  /**
   * How many messages are not delivered yet (leased or not).
   *
   * @returns The count.
   */
  pending(): number;
}

interface Stored {
  readonly id: string;
  readonly topic: string;
  readonly payload: string;
  readonly position: number;
  attempt: number;
  token: string | undefined;
  leaseUntilMs: number;
  delivered: boolean;
}

const invalid = (field: string, reason: string): AdapterError =>
  new AdapterError('invalid_request', `${field}: ${reason}`, { field });
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function asJson(payload: unknown): string | undefined {
  try {
    const text: unknown = JSON.stringify(payload);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates the in-memory reference implementation of {@link EventOutbox}. Messages are stored as
 * JSON in append order; a claim scans from the oldest undelivered message; claim tokens are
 * `${id}#${attempt}`. Each call runs to completion synchronously, which makes claims atomic in a
 * single-threaded runtime.
 *
 * @returns An empty outbox, with the async port and its synchronous twins.
 * @example
 * ```ts
 * import { createInMemoryEventOutbox } from 'ordercore/adapters';
 *
 * const outbox = createInMemoryEventOutbox();
 * await outbox.append([
 *   { id: 'o-1/confirmed', topic: 'notify_customer', payload: { orderId: 'o-1' } },
 *   { id: 'o-1/approval', topic: 'approval_request', payload: { orderId: 'o-1' } },
 * ]);
 * const now = '2026-11-22T10:00:00Z';
 * const [first] = await outbox.claim({ consumer: 'w-1', now, leaseMs: 30_000, limit: 1 });
 * first?.claimToken; //=> 'o-1/confirmed#1'
 * (await outbox.claim({ consumer: 'w-2', now, leaseMs: 30_000 })).map((m) => m.id); //=> ['o-1/approval']
 * // w-1 died: after its lease, the message is handed out again.
 * const [again] = await outbox.claim({ consumer: 'w-2', now: '2026-11-22T10:00:30Z', leaseMs: 30_000 });
 * again?.attempt; //=> 2
 * const late = await outbox.markDelivered('o-1/confirmed', 'o-1/confirmed#1');
 * late.ok || late.error.code; //=> 'lease_lost'
 * (await outbox.markDelivered('o-1/confirmed', 'o-1/confirmed#2')).ok; //=> true
 * ```
 */
export function createInMemoryEventOutbox(): InMemoryEventOutbox {
  const messages: Stored[] = [];
  const byId = new Map<string, Stored>();
  let firstOpen = 0;
  let delivered = 0;

  function appendSync(batch: readonly OutboxMessage[]): Result<OutboxAppended, AdapterError> {
    if (!Array.isArray(batch)) return err(invalid('messages', `expected an array, got ${show(batch)}.`));
    const fresh: { id: string; topic: string; payload: string }[] = [];
    const seen = new Set<string>();
    let replayed = 0;
    for (let i = 0; i < batch.length; i += 1) {
      const m: unknown = batch[i];
      if (!isRecord(m)) return err(invalid(`messages[${i}]`, `expected a message object, got ${show(m)}.`));
      if (!isText(m['id']))
        return err(invalid(`messages[${i}].id`, `expected a non-empty string, got ${show(m['id'])}.`));
      if (!isText(m['topic']))
        return err(invalid(`messages[${i}].topic`, `expected a non-empty string, got ${show(m['topic'])}.`));
      const payload = asJson(m['payload']);
      if (payload === undefined) return err(invalid(`messages[${i}].payload`, 'expected JSON data.'));
      const id = m['id'];
      if (seen.has(id)) return err(invalid(`messages[${i}].id`, `${show(id)} appears twice in one append.`));
      seen.add(id);
      const stored = byId.get(id);
      if (stored === undefined) fresh.push({ id, topic: m['topic'], payload });
      else if (stored.topic === m['topic'] && stored.payload === payload) replayed += 1;
      else
        return err(
          new AdapterError(
            'idempotency_key_reused',
            `messages[${i}]: ${show(id)} is already stored with another topic or payload.`,
            { index: i, id },
          ),
        );
    }
    for (const m of fresh) {
      const stored: Stored = {
        ...m,
        position: messages.length,
        attempt: 0,
        token: undefined,
        leaseUntilMs: 0,
        delivered: false,
      };
      messages.push(stored);
      byId.set(m.id, stored);
    }
    return ok({ appended: fresh.length, replayed });
  }

  function claimSync(request: OutboxClaimRequest): readonly ClaimedMessage[] {
    if (!isRecord(request)) throw invalid('request', `expected an object, got ${show(request)}.`);
    if (!isText(request['consumer']))
      throw invalid('consumer', `expected a non-empty string, got ${show(request['consumer'])}.`);
    const nowMs = parseInstant(request['now']);
    if (nowMs === undefined)
      throw invalid('now', `expected an ISO 8601 instant with an offset, got ${show(request['now'])}.`);
    const leaseMs = request['leaseMs'];
    if (typeof leaseMs !== 'number' || !Number.isSafeInteger(leaseMs) || leaseMs <= 0)
      throw invalid('leaseMs', `expected a positive safe integer, got ${show(leaseMs)}.`);
    const limit = request['limit'] ?? 100;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw invalid('limit', `expected an integer from 1 to 1000, got ${show(limit)}.`);
    const topics = request['topics'];
    if (topics !== undefined && (!Array.isArray(topics) || !topics.every((t) => typeof t === 'string')))
      throw invalid('topics', `expected an array of strings, got ${show(topics)}.`);
    const wanted = topics === undefined || topics.length === 0 ? undefined : new Set<string>(topics);
    const leaseUntilMs = nowMs + leaseMs;
    const leaseExpiresAt = new Date(leaseUntilMs).toISOString();
    while (firstOpen < messages.length && (messages[firstOpen] as Stored).delivered) firstOpen += 1;
    const out: ClaimedMessage[] = [];
    for (let i = firstOpen; i < messages.length && out.length < limit; i += 1) {
      const m = messages[i] as Stored;
      if (m.delivered || (m.token !== undefined && m.leaseUntilMs > nowMs)) continue;
      if (wanted !== undefined && !wanted.has(m.topic)) continue;
      m.attempt += 1;
      m.token = `${m.id}#${m.attempt}`;
      m.leaseUntilMs = leaseUntilMs;
      out.push({
        id: m.id,
        topic: m.topic,
        payload: JSON.parse(m.payload) as unknown,
        position: m.position,
        attempt: m.attempt,
        claimToken: m.token,
        leaseExpiresAt,
      });
    }
    return out;
  }

  function markDeliveredSync(id: string, claimToken: string): Result<OutboxDelivered, AdapterError> {
    if (!isText(id)) return err(invalid('id', `expected a non-empty string, got ${show(id)}.`));
    if (!isText(claimToken)) return err(invalid('claimToken', `expected a non-empty string, got ${show(claimToken)}.`));
    const m = byId.get(id);
    if (m === undefined)
      return err(new AdapterError('not_found', `No outbox message ${show(id)}.`, { entity: 'outbox_message', id }));
    if (m.token !== claimToken)
      return err(
        new AdapterError('lease_lost', `Message ${show(id)}: claim ${show(claimToken)} is not the current one.`, {
          id,
          claimToken,
        }),
      );
    if (m.delivered) return ok({ id, replayed: true });
    m.delivered = true;
    delivered += 1;
    return ok({ id, replayed: false });
  }

  const attempt = <T>(run: () => T): Promise<T> => {
    try {
      return Promise.resolve(run());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    appendSync,
    claimSync,
    markDeliveredSync,
    pending: () => messages.length - delivered,
    append: (batch) => attempt(() => appendSync(batch)),
    claim: (request) => attempt(() => claimSync(request)),
    markDelivered: (id, claimToken) => attempt(() => markDeliveredSync(id, claimToken)),
  };
}
