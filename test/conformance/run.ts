/**
 * `pnpm conformance`: runs the engine against other projects' BPMN test material in
 * ../shared/peer, and the forms against the JSON Schema Test Suite there (see README.md here).
 * Prints one report per suite, then each suite's totals; exits 1 on an unexpected failure.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runBpmnEngine } from './bpmnEngine.ts';
import { runCamunda7 } from './camunda7.ts';
import { runJsonSchema } from './jsonSchema.ts';
import { runMiwg } from './miwg.ts';
import { reportOf, type SuiteReport } from './report.ts';

const SUITES: Record<string, (peer: string) => Promise<SuiteReport>> = {
  camunda7: async (peer) => reportOf(await runCamunda7(peer)),
  'bpmn-engine': async (peer) => reportOf(await runBpmnEngine(peer)),
  miwg: async (peer) => reportOf(await runMiwg(peer)),
  // The forms test finds its copy itself, through the same SHANZHI_PEER.
  'json-schema': async () => runJsonSchema(),
};

function findPeer(): string {
  const candidates = [process.env.SHANZHI_PEER, join(import.meta.dirname, '../../../shared/peer'), resolve('../shared/peer')];
  for (const c of candidates) if (c && existsSync(join(c, 'camunda7'))) return c;
  throw new Error(`shared/peer not found (tried ${candidates.filter(Boolean).join(', ')}); set SHANZHI_PEER`);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !(name in SUITES));
  if (unknown.length > 0) throw new Error(`unknown suite(s) ${unknown.join(', ')}; the suites are ${Object.keys(SUITES).join(', ')}`);
  const peer = findPeer();
  const started = Date.now();
  const summary: string[] = [];
  const unexpected: string[] = [];
  for (const [name, run] of Object.entries(SUITES)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const suite = await run(peer);
    console.log(suite.report);
    console.log('');
    summary.push(...suite.summary);
    if (suite.unexpected > 0) unexpected.push(`${name} ${suite.unexpected}`);
  }
  console.log(`(conformance run took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(summary.join('\n'));
  console.log(unexpected.length === 0 ? 'no unexpected results' : `unexpected results: ${unexpected.join(', ')}`);
  process.exitCode = unexpected.length > 0 ? 1 : 0;
}

await main();
