/**
 * `pnpm conformance`: runs the engine against other projects' BPMN test material in
 * ../shared/peer (see README.md here). Prints one table per suite, then `N passed, M failed`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runBpmnEngine } from './bpmnEngine.ts';
import { runCamunda7 } from './camunda7.ts';
import { runMiwg } from './miwg.ts';
import { formatSuite, type SuiteResult, totals } from './report.ts';

const SUITES: Record<string, (peer: string) => Promise<SuiteResult>> = {
  camunda7: runCamunda7,
  'bpmn-engine': runBpmnEngine,
  miwg: runMiwg,
};

function findPeer(): string {
  const candidates = [process.env.SHANZHI_PEER, join(import.meta.dirname, '../../../shared/peer'), resolve('../shared/peer')];
  for (const c of candidates) if (c && existsSync(join(c, 'camunda7'))) return c;
  throw new Error(`shared/peer not found (tried ${candidates.filter(Boolean).join(', ')}); set SHANZHI_PEER`);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const peer = findPeer();
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  for (const [name, run] of Object.entries(SUITES)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const suite = await run(peer);
    console.log(formatSuite(suite));
    console.log('');
    const t = totals(suite.cases);
    passed += t.passed;
    failed += t.failed;
  }
  console.log(`(conformance run took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
