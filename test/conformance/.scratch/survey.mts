import { readFileSync, readdirSync } from 'node:fs';
import { compile } from '../../../packages/engine/src/index.ts';
const base = '/work/shared/peer/bpmn-engine-fixtures';
const files = [
  ...readdirSync(`${base}/bpmn-elements/test/resources`).filter(f => f.endsWith('.bpmn')).map(f => `bpmn-elements/test/resources/${f}`),
  ...readdirSync(`${base}/bpmn-engine/test/resources`).filter(f => f.endsWith('.bpmn')).map(f => `bpmn-engine/test/resources/${f}`),
  ...readdirSync(`${base}/inline`).filter(f => f.endsWith('.bpmn')).map(f => `inline/${f}`),
];
let ok = 0;
for (const f of files) {
  const xml = readFileSync(`${base}/${f}`, 'utf8');
  const r = await compile(xml);
  if (r.ok) { ok++; console.log('OK  ', f, Object.keys(r.model.processes).join(',')); }
  else console.log('FAIL', f, [...new Set(r.problems.map(p => p.rule))].join(','));
}
console.log(ok, files.length);
