import { compile } from '@shanzhi/engine';
import { describe, expect, it } from 'vitest';
import { newDiagram } from './newDiagram.ts';

async function compiled(xml: string) {
  const result = await compile(xml);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.model;
}

describe('新建流程', () => {
  it('opens a procedure the engine accepts, started by hand from its start event', async () => {
    const model = await compiled(newDiagram('未命名流程'));
    const main = model.processes[model.main];
    expect(main?.name).toBe('未命名流程');
    expect(Object.values(main?.elements ?? {}).map((e) => e.kind)).toEqual(['startEvent']);
  });

  it('keeps a name with XML’s own characters as it was written', async () => {
    const model = await compiled(newDiagram('村务 <公开> & "监督"'));
    expect(model.processes[model.main]?.name).toBe('村务 <公开> & "监督"');
  });

  it('gives each new procedure a key of its own', async () => {
    const [a, b] = await Promise.all([compiled(newDiagram('甲')), compiled(newDiagram('乙'))]);
    expect(a.main).not.toBe(b.main);
  });
});
