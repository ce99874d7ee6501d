import type { Processing } from '../processing/processing.ts';
import type { Vars } from '../state/types.ts';

/**
 * Writes variables outward from an element instance, the way Camunda and Zeebe do:
 * each lands in the nearest enclosing scope that already has it, else in the process scope.
 */
export function propagate(p: Processing, vars: Vars, from: string): void {
  const names = Object.keys(vars);
  if (names.length === 0) return;
  const byScope = new Map<string, Vars>();
  for (const name of names) {
    const target = owningScope(p, from, name);
    const bucket = byScope.get(target) ?? {};
    byScope.set(target, bucket);
    bucket[name] = vars[name];
  }
  for (const [key, bucket] of byScope) p.write({ type: 'VariablesSet', key, vars: bucket });
}

function owningScope(p: Processing, from: string, name: string): string {
  let cur = p.instance(from);
  while (cur) {
    if (cur.vars && Object.hasOwn(cur.vars, name)) return cur.k;
    if (cur.p === undefined) return cur.k;
    cur = p.instance(cur.p);
  }
  return p.state.root;
}

export function setLocal(p: Processing, key: string, vars: Vars): void {
  if (Object.keys(vars).length > 0) p.write({ type: 'VariablesSet', key, vars });
}

/** Evaluates a list of mappings in the given variables; the result is keyed by target (dotted targets nest). */
export function evaluateMappings(
  p: Processing,
  mappings: readonly { source: { feel: string } | { literal: string }; target: string }[],
  vars: Vars,
  what: string,
): Vars {
  const out: Vars = {};
  for (const m of mappings) {
    const value = p.expr(m.source, { ...vars, ...out }, `${what} mapping to '${m.target}'`);
    assignPath(out, m.target, value);
  }
  return out;
}

function assignPath(target: Vars, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Vars = target;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    cur = cur[part] = typeof next === 'object' && next !== null && !Array.isArray(next) ? { ...(next as Vars) } : {};
  }
  cur[parts[parts.length - 1] as string] = value;
}
