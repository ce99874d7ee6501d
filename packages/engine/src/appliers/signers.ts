import type { EventOf } from '../events.ts';
import { copyJson } from '../state/copyJson.ts';
import type { InstanceState } from '../state/types.ts';

export function signersAdded(state: InstanceState, e: EventOf<'SignersAdded'>): void {
  const main = state.els[e.key];
  if (!main || e.mode !== 'after') return;
  main.signing = { ...main.signing, after: [...(main.signing?.after ?? []), ...e.signers] };
}

export function signersAwaited(state: InstanceState, e: EventOf<'SignersAwaited'>): void {
  const main = state.els[e.key];
  if (main) main.signing = { ...main.signing, held: e.vars === undefined ? {} : { vars: copyJson(e.vars) } };
}

export function signerCalled(state: InstanceState, e: EventOf<'SignerCalled'>): void {
  const signing = state.els[e.key]?.signing;
  if (!signing?.after) return;
  const rest = signing.after.slice(1);
  if (rest.length > 0) signing.after = rest;
  else delete signing.after;
}
