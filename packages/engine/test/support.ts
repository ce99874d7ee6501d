import { compile, type Model } from '../src/index.ts';
import { MemoryRuntime } from '../src/testing/index.ts';

export { definitions, flow, processXml, when } from '../src/testing/index.ts';

export async function model(xml: string): Promise<Model> {
  const result = await compile(xml);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.rule} ${p.elementId ?? ''}: ${p.message}`).join('\n'));
  return result.model;
}

/** A runtime with the model deployed and, unless told otherwise, one instance started. */
export async function running(xml: string, variables: Record<string, unknown> = {}) {
  const rt = new MemoryRuntime();
  const m = await rt.deployXml(xml);
  const id = rt.start(m.main, { variables });
  const inst = () => rt.instances.get(id)!;
  return {
    rt,
    id,
    inst,
    /** The process variables. */
    vars: () => inst().state.els[inst().state.root]?.vars ?? {},
    tasks: () =>
      rt
        .tasks()
        .map((t) => t.el)
        .sort(),
  };
}

export function task(rt: MemoryRuntime, el: string) {
  const t = rt.tasks().find((x) => x.el === el);
  if (!t)
    throw new Error(
      `no open task ${el}; open: ${rt
        .tasks()
        .map((x) => x.el)
        .join(', ')}`,
    );
  return t;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
