import { createHash } from 'node:crypto';
import type { ChainBreak, NewEvent } from './port.ts';
import type { EventRecord } from './records.ts';

/**
 * The audit hash chain. Each instance's events form their own chain, so writers of different
 * instances never contend: event n carries the hash of event n - 1 (GENESIS_HASH for the first)
 * and its own hash over a canonical JSON of everything it says. Changing, removing or reordering
 * a stored event breaks the chain at that event; the instance row keeps the chain's head, so
 * cutting events off the end is caught too.
 */

export const GENESIS_HASH = '0'.repeat(64);

/** The last link of an instance's chain; `seq` 0 and GENESIS_HASH before the first event. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export const EMPTY_CHAIN: ChainHead = { seq: 0, hash: GENESIS_HASH };

/**
 * JSON with object keys sorted at every level, so the same content hashes the same whatever
 * order a database hands its fields back in. Undefined object members are left out and
 * undefined array items become null, exactly as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += value[i] === undefined ? 'null' : canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    let out = '{';
    for (const key of Object.keys(object).sort()) {
      const member = object[key];
      if (member === undefined) continue;
      if (out.length > 1) out += ',';
      out += `${JSON.stringify(key)}:${canonicalJson(member)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function eventHash(link: Omit<EventRecord, 'hash'>): string {
  const { instanceId, seq, event, actor, at, prevHash } = link;
  // canonicalJson of { instanceId, seq, event, actor, at, prevHash }, its keys written in sorted order.
  const canonical = `{"actor":${JSON.stringify(actor)},"at":${JSON.stringify(at)},"event":${canonicalJson(event)},"instanceId":${JSON.stringify(instanceId)},"prevHash":${JSON.stringify(prevHash)},"seq":${JSON.stringify(seq)}}`;
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Chains new events onto an instance's head. Each event goes through JSON first, so what is
 * stored (and read back) is exactly what was hashed.
 */
export function extendChain(instanceId: string, head: ChainHead, events: readonly NewEvent[]): { records: EventRecord[]; head: ChainHead } {
  const records: EventRecord[] = [];
  let last = head;
  for (const { event, actor, at } of events) {
    if (typeof actor !== 'string' || actor === '' || !Number.isFinite(at)) {
      throw new Error(`event ${event.type} of instance ${instanceId} needs an actor and a time`);
    }
    const link = { instanceId, seq: last.seq + 1, event: JSON.parse(JSON.stringify(event)), actor, at, prevHash: last.hash };
    const record = { ...link, hash: eventHash(link) };
    records.push(record);
    last = { seq: record.seq, hash: record.hash };
  }
  return { records, head: last };
}

/** The first broken link of one instance's chain (events in seq order), or undefined. */
export function verifyChain(instanceId: string, events: Iterable<EventRecord>, head: ChainHead): ChainBreak | undefined {
  let last = EMPTY_CHAIN;
  for (const record of events) {
    const seq = last.seq + 1;
    if (record.seq !== seq) return { instanceId, seq, reason: `event ${seq} is missing (found ${record.seq} in its place)` };
    if (record.prevHash !== last.hash) return { instanceId, seq, reason: `event ${seq} does not point at the hash of event ${seq - 1}` };
    if (eventHash(record) !== record.hash) return { instanceId, seq, reason: `event ${seq} was changed after it was written` };
    last = { seq, hash: record.hash };
  }
  if (last.seq !== head.seq || last.hash !== head.hash) {
    return { instanceId, seq: last.seq + 1, reason: `the chain ends at event ${last.seq} but the instance records ${head.seq} events` };
  }
  return undefined;
}
