import type { ElementModel } from '../model/types.ts';
import type { Processing } from '../processing/processing.ts';
import type { CompensationRecord, ElementInstance } from '../state/types.ts';
import { terminate } from './termination.ts';
import { triggerBoundary } from './triggers.ts';

/**
 * A completed activity with a compensation handler is remembered in its scope. When a
 * sub-process completes, what was remembered inside it moves out with it, so compensating
 * the outer scope (or the sub-process by id) still reaches the inner activities.
 */
export function recordCompensation(p: Processing, ei: ElementInstance, el: ElementModel): void {
  const scope = ei.p as string;
  if (el.kind === 'subProcess' || el.kind === 'transaction') {
    const inner = (p.state.comp ?? []).filter((r) => r.scope === ei.k);
    if (inner.length > 0) {
      p.write({ type: 'CompensationStarted', records: inner });
      for (const r of inner) p.write({ type: 'CompensationRecorded', record: { ...r, scope, via: el.id } });
    }
  }
  if (!el.compensationHandler) return;
  const record: CompensationRecord = { el: el.id, scope };
  if (ei.vars) record.vars = ei.vars;
  p.write({ type: 'CompensationRecorded', record });
}

/**
 * Starts the handlers for a compensation throw in `scope`, newest first. Returns false when
 * there is nothing to compensate, so the throw event passes at once.
 */
export function startCompensation(p: Processing, throwKey: string, scope: string, activityRef?: string): boolean {
  const records = (p.state.comp ?? [])
    .filter((r) => r.scope === scope && (activityRef === undefined || r.el === activityRef || r.via === activityRef))
    .reverse();
  if (records.length === 0) return false;
  p.write({ type: 'CompensationStarted', records });
  for (const r of records) {
    const handler = p.element(r.el).compensationHandler as string;
    p.enqueue({ op: 'activate', el: handler, parent: scope, compensating: throwKey, ...(r.vars ? { vars: r.vars } : {}) });
  }
  return true;
}

/** When the last handler of a compensation throw finishes, the throw event moves on (a cancel end event cancels its transaction). */
export function handlerDone(p: Processing, throwKey: string): void {
  if (Object.values(p.state.els).some((x) => x.for === throwKey)) return;
  const thrower = p.instance(throwKey);
  if (thrower && p.model.elements[thrower.e]?.trigger?.kind === 'cancel') return cancelTransaction(p, throwKey);
  p.enqueue({ op: 'complete', key: throwKey });
}

/** Ends the transaction around a cancel end event through its cancel boundary event. */
export function cancelTransaction(p: Processing, endKey: string): void {
  const tx = p.instance(p.instance(endKey)?.p ?? '');
  if (!tx) return;
  const boundary = (p.model.elements[tx.e]?.boundaries ?? []).map((id) => p.element(id)).find((b) => b.trigger?.kind === 'cancel');
  if (boundary) return triggerBoundary(p, tx.k, boundary);
  terminate(p, tx.k);
  if (tx.p !== undefined) p.enqueue({ op: 'scopeCheck', key: tx.p });
}
