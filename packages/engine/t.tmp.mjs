import { parseExpression } from 'feelin';
function dump(expr, ctx = {}) {
  const tree = parseExpression(expr, ctx);
  const out = [];
  let depth = 0;
  tree.iterate({ enter(n) { out.push('  '.repeat(depth) + n.name + (n.type.isError ? '!!' : '') + ' ' + JSON.stringify(expr.slice(n.from, n.to))); depth++; }, leave() { depth--; } });
  console.log(out.join('\n'));
}
const ctx = process.env.CTX ? JSON.parse(process.env.CTX) : {}; for (const e of process.argv.slice(2)) dump(e, ctx);
