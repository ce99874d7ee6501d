import { checkFeel, evaluateCondition, evaluateFeel } from './src/feel/index.ts';
const env = { now: Date.UTC(2026, 0, 1, 20, 30), timeZone: 'Asia/Shanghai', newId: () => 'id-1' };
const cases: [string, Record<string, unknown>][] = [
  ['amount > 50000 and matterType = "集体资产处置"', { amount: 60000, matterType: '集体资产处置' }],
  ['count(votes[vote = "同意"]) / count(votes) > 0.5', { votes: [{ vote: '同意' }, { vote: '同意' }, { vote: '反对' }] }],
  ['"两委@" + orgUnit', { orgUnit: '东村' }],
  ['for i in 1..3 return i * 2', {}],
  ['for i in 1..1000000000 return i', {}],
  ['for a in 1..100000, b in 1..100000 return a', {}],
  ['{f: function(n) if n = 0 then 0 else f(n - 1), r: f(100)}.r', {}],
  ['{f: function(n) if n = 0 then 0 else f(n - 1), r: f(1000)}.r', {}],
  ['is defined(x) and get or else(y, 1) = 1', { x: 1 }],
  ['now()', {}], ['today()', {}], ['uuid()', {}],
  ['string join(["a","b"], ", ", "[", "]")', {}],
  ['partition([1,2,3,4,5], 2)', {}],
  ['duplicate values([1,2,3,2,1])', {}],
  ['trim("  x  ")', {}], ['is empty([])', {}],
  ['missing > 3', {}],
  ['a + * b', {}],
  ['for i in 1.5..3 return i', {}],
  ['`my var` + 1', { 'my var': 41 }],
  ['date("2026-01-01") + duration("P1D")', {}],
  ['date and time("2026-01-01T10:00:00@Asia/Shanghai")', {}],
  ['[1..3]', {}],
  ['for i in 1..30 return if i = 1 then "xxxxxxxxxx" else partial[-1] + partial[-1]', {}],
  ['matches("aaaa", "(a+)+$")', {}],
  ['sum(for i in 1..10 return i)', {}],
  ['{a: 1}.a + x', { x: 2 }],
];
for (const [e, v] of cases) {
  const r = evaluateFeel(e, v, env);
  console.log(JSON.stringify(e), '=>', JSON.stringify(r).slice(0, 300));
}
console.log(evaluateCondition('amount > 1000', { amount: 5 }, env), evaluateCondition('amount', { amount: 5 }, env), evaluateCondition('x > 1', {}, env));
console.log(checkFeel('if a then b elsee c'), checkFeel('a +'), checkFeel('x'.repeat(5000)));
