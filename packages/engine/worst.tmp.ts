import { evaluateFeel } from './src/feel/index.ts';
const env = { now: 0, timeZone: 'Asia/Shanghai' };
const big = Array.from({ length: 5000 }, (_, i) => ({ vote: i % 2 ? '同意' : '反对', n: i }));
for (const e of [
  'count(for i in 1..999000 return i)',
  'for i in 1..1000001 return i',
  '{f: function(n) if n = 0 then 1 else f(n - 1) + f(n - 1), r: f(25)}.r',
  'count(for i in 1..199 return count(big[vote = "同意"]))',
  'count(for i in 1..1000 return count(big[vote = "同意"]))',
  'count(for i in 1..1000 return sum(big.n))',
  'count(for i in 1..100000 return big = big2)',
  'distinct values(for i in 1..20000 return i)',
  'count(for a in 1..999, b in 1..999 return a)',
  'string length(string join(for i in 1..100000 return "abcdefghij"))',
  'every x in 1..999999 satisfies x > 0',
  '{a: "xxxxxxxxxx", b: a + a, c: b + b, d: c + c, e: d + d, f: e + e, g: f + f, h: g + g, i: h + h, j: i + i, k: j + j, l: k + k, m: l + l, n: m + m, o: n + n, p: o + o, q: p + p, r: q + q}.r',
  'replace("xxxxxxxxxxxxxxxx", "x", "$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0")',
  'string(for i in 1..300000 return "abcdefghij")',
]) {
  const t = performance.now();
  const r = evaluateFeel(e, { big, big2: structuredClone(big) }, env);
  console.log((performance.now() - t).toFixed(0).padStart(6), 'ms', e.slice(0, 70).padEnd(70), JSON.stringify(r).slice(0, 140));
}
