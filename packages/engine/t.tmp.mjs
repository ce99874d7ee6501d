import { evaluate, parseExpression } from 'feelin';
const tryE = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'THROW', e.message); } };
tryE('bt1', () => evaluate('`my var` + 1', {'my var': 41}).value);
tryE('bt2', () => evaluate('x + `my var`', {'my var': 41, x: 1}).value);
tryE('bt3', () => evaluate('`for`', {'for': 41}).value);
tryE('bt4', () => evaluate('{`a b`: 1}', {}).value);
function dump(expr) { const out=[]; let d=0; parseExpression(expr, {}).iterate({enter(n){out.push('  '.repeat(d)+n.name+(n.type.isError?'!!':'')+' '+JSON.stringify(expr.slice(n.from,n.to))); d++}, leave(){d--}}); console.log(out.join('\n')); }
dump('if a then b elsee c'); dump('a +'); dump('x + `my var`');
