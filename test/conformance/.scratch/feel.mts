import { evaluateFeel } from '../../../packages/engine/src/feel/index.ts';
const env = { now: Date.UTC(2026,0,5), timeZone: 'UTC', newId: () => 'x' };
for (const [e, v] of [
  ['if sum = null then 1 else sum + 1', {}],
  ['if sum = null then 1 else sum + 1', { sum: null }],
  ['if sum = null then 1 else sum + 1', { sum: 4 }],
  ['sum = null', {}],
  ['sum = null', { sum: null }],
  ['if x then 1 else 2', { x: true }],
  ['if true then 1 else 2', {}],
  ['if 1 = 1 then 1 else 2', {}],
  ['if null = null then 1 else 2', {}],
  ['if sum = null then 1 else 2', {}],
  ['if sum = null then "a" else "b"', {}],
  ['if (sum = null) then 1 else sum + 1', {}],
  ['if sum = null then 1 else 5', {sum: null}],
] as const) console.log(e, JSON.stringify(v), '=>', JSON.stringify(evaluateFeel(e, v as any, env)));
