import { evaluateCondition, evaluateFeel } from './src/feel/index.ts';
const env = { now: Date.UTC(2026, 0, 1), timeZone: 'Asia/Shanghai' };
function bench(label: string, fn: () => unknown) {
  for (let i = 0; i < 20000; i++) fn();
  const n = 300000; const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  const ms = performance.now() - t;
  console.log(label.padEnd(60), Math.round(n / ms * 1000).toLocaleString('en-US'), '/s');
}
const vars = { amount: 5000, kind: 'land', applicant: { name: '张三' }, votes: [{ vote: '同意' }, { vote: '同意' }, { vote: '反对' }], orgUnit: '东村' };
bench('condition amount > 1000 and kind = "land"', () => evaluateCondition('amount > 1000 and kind = "land"', vars, env));
bench('count(votes[vote = "同意"]) / count(votes) > 0.5', () => evaluateCondition('count(votes[vote = "同意"]) / count(votes) > 0.5', vars, env));
bench('"两委@" + orgUnit', () => evaluateFeel('"两委@" + orgUnit', vars, env));
bench('for v in votes return v.vote', () => evaluateFeel('for v in votes return v.vote', vars, env));
bench('sum([1,2,3]) > 2 (guarded builtin)', () => evaluateCondition('sum([1,2,3]) > 2', vars, env));
