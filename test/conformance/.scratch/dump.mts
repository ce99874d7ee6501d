import { readFileSync } from 'node:fs';
import { rewriteModel } from '../camunda7Rewrite.ts';
import { compile } from '../../../packages/engine/src/index.ts';
const [file, feel] = process.argv.slice(2);
const r = await rewriteModel(readFileSync(file, 'utf8'), JSON.parse(feel ?? '{}'));
console.log(r.xml.replace(/<bpmndi:[\s\S]*<\/bpmndi:BPMNDiagram>/, ''));
console.log(r.notes);
const c = await compile(r.xml);
console.log(c.ok ? 'compiled' : c.problems);
