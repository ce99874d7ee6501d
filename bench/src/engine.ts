/**
 * Benchmark 1, the engine in memory: instances per second of each process, start to end,
 * one instance at a time (each awaited before the next), in our engine and in bpmn-engine
 * in the same process run. Ours is measured twice: the pure start/step loop (the core) and
 * through MemoryRuntime (a host carrying out effects); the ratio uses MemoryRuntime, since
 * bpmn-engine is a host too. The peer is measured with its model parsed once (its
 * `sourceContext`, as we compile once), which is its fastest way and the one the ratio uses,
 * and, for the record, parsing the XML again for every instance.
 */
import type { Model } from '@shanzhi/engine';
import { type Benchmark, formatNumber, type Measurement, measure, type Row, type RunOptions, table } from './harness.ts';
import { type BenchProcess, compileOurs, compilePeer, modelXml, PROCESSES, runCore, runPeer, runRuntime, runtimeFor } from './processes.ts';

/** The goal: at least this many times bpmn-engine on every process. */
export const GOAL_RATIO = 50;

const round = (n: number) => Math.round(n * 10) / 10;
const summary = (m: Measurement) => ({
  instancesPerSec: Math.round(m.opsPerSec),
  instances: m.ops,
  ms: Math.round(m.ms),
  p50Us: round(m.p50Us),
  p99Us: round(m.p99Us),
  maxUs: round(m.maxUs),
});
type Summary = ReturnType<typeof summary>;

/** Runs instances 1 and 2 (both branches where there are two) each way and checks where they ended. */
async function check(p: BenchProcess, model: Model, peer: Awaited<ReturnType<typeof compilePeer>>): Promise<void> {
  for (const i of [1, 2]) {
    const core = runCore(model, p, i, { trace: true });
    if (core.state.status !== 'completed' || !core.activated.includes(p.expectEnd(i)))
      throw new Error(`${p.name} #${i}: ours ended ${core.state.status} via ${core.activated.join(',')}`);
    const viaRuntime = runRuntime(await runtimeFor(model), p, i);
    if (viaRuntime.status !== 'completed') throw new Error(`${p.name} #${i}: MemoryRuntime left it ${viaRuntime.status}`);
    const { engine, activated } = await runPeer({ sourceContext: peer }, p, i, true);
    if (engine.state !== 'idle' || !activated.includes(p.expectEnd(i)))
      throw new Error(`${p.name} #${i}: bpmn-engine ended ${engine.state} via ${activated.join(',')}`);
  }
}

export const engineBenchmark: Benchmark = {
  id: 'engine',
  title: 'Engine in memory: instances/s, ours vs bpmn-engine',
  async run(options: RunOptions): Promise<Row[]> {
    const rows: Row[] = [];
    const timing = { minMs: options.minMs, warmupMs: options.warmupMs };
    for (const p of PROCESSES) {
      const model = await compileOurs(p.name);
      const sourceContext = await compilePeer(p.name);
      const source = modelXml('bpmn-engine', p.name);
      await check(p, model, sourceContext);

      options.log(`engine ${p.name}: ours, core`);
      const core = await measure((i) => runCore(model, p, i), timing);
      options.log(`engine ${p.name}: ours, MemoryRuntime`);
      const rt = await runtimeFor(model);
      const runtime = await measure((i) => runRuntime(rt, p, i), timing);
      options.log(`engine ${p.name}: bpmn-engine`);
      const peer = await measure((i) => runPeer({ sourceContext }, p, i), timing);
      options.log(`engine ${p.name}: bpmn-engine, parsing the XML each time`);
      const peerXml = await measure((i) => runPeer({ source }, p, i), { minMs: options.minMs / 2, warmupMs: options.warmupMs / 2 });

      const details = {
        process: p.name,
        waitsPerInstance: p.waits,
        oursCore: summary(core),
        oursMemoryRuntime: summary(runtime),
        peer: summary(peer),
        peerParsingXmlEachTime: summary(peerXml),
      };
      rows.push({
        benchmark: `${p.title} · core`,
        unit: 'inst/s',
        ours: core.opsPerSec,
        peer: peer.opsPerSec,
        peerName: 'bpmn-engine',
        ratio: core.opsPerSec / peer.opsPerSec,
        details: { ...details, host: 'core (start/step)' },
      });
      const ratio = runtime.opsPerSec / peer.opsPerSec;
      rows.push({
        benchmark: `${p.title} · MemoryRuntime`,
        unit: 'inst/s',
        ours: runtime.opsPerSec,
        peer: peer.opsPerSec,
        peerName: 'bpmn-engine',
        ratio,
        goal: `≥ ${GOAL_RATIO}x peer`,
        met: ratio >= GOAL_RATIO,
        details: { ...details, host: 'MemoryRuntime' },
      });
    }
    return rows;
  },

  /** Latency per instance and the peer parsing XML each time, one line per process. */
  detail(rows: readonly Row[]): string {
    const us = (s: Summary) => `${s.p50Us} / ${s.p99Us}`;
    const lines = rows
      .filter((r) => r.details?.host === 'MemoryRuntime')
      .map((r) => {
        const d = r.details as { oursCore: Summary; oursMemoryRuntime: Summary; peer: Summary; peerParsingXmlEachTime: Summary };
        return [
          r.benchmark.replace(/ · MemoryRuntime$/, ''),
          us(d.oursCore),
          us(d.oursMemoryRuntime),
          us(d.peer),
          formatNumber(d.peerParsingXmlEachTime.instancesPerSec, 'inst/s'),
        ];
      });
    return table(['µs per instance, p50 / p99', 'ours core', 'ours MemoryRuntime', 'bpmn-engine', 'bpmn-engine inst/s parsing XML'], lines);
  },
};
