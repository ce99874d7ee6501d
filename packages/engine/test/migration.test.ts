import { describe, expect, it } from 'vitest';
import { MemoryRuntime } from '../src/testing/index.ts';
import { flow, model, processXml, task } from './support.ts';

const v1 = processXml('p', `<startEvent id="s"/><userTask id="review"/><endEvent id="e"/>${flow('s', 'review', 'e')}`);
const v2 = processXml(
  'p',
  `<startEvent id="s"/><userTask id="check" name="两委审核"/><userTask id="file"/><endEvent id="e"/>${flow('s', 'check', 'file', 'e')}`,
);

describe('running instances and new versions', () => {
  it('an instance keeps the version it started with when a new one is deployed', async () => {
    const rt = new MemoryRuntime();
    await rt.deployXml(v1);
    const old = rt.start('p');
    await rt.deployXml(v2);
    const fresh = rt.start('p');
    rt.completeTask(task(rt, 'review'));
    expect(rt.instances.get(old)!.state.status).toBe('completed');
    expect(rt.tasks().map((t) => [t.instance, t.el])).toEqual([[fresh, 'check']]);
  });

  it('migrates on request, renaming elements by a mapping', async () => {
    const rt = new MemoryRuntime();
    await rt.deployXml(v1);
    const id = rt.start('p');
    const target = await model(v2);
    const out = rt.trySend(id, { type: 'migrate', mapping: { review: 'check' } }, target);
    expect(out.ok).toBe(true);
    rt.completeTask(task(rt, 'check'));
    expect(rt.tasks().map((t) => t.el)).toEqual(['file']);
  });

  it('refuses a mapping that leaves an active element behind, and changes nothing', async () => {
    const rt = new MemoryRuntime();
    await rt.deployXml(v1);
    const id = rt.start('p');
    const before = structuredClone(rt.instances.get(id)!.state);
    const out = rt.trySend(id, { type: 'migrate', mapping: {} }, await model(v2));
    expect(out).toEqual({ ok: false, error: expect.objectContaining({ code: 'SZ_MIGRATION_INVALID', elementId: 'review' }) });
    expect(rt.instances.get(id)!.state).toEqual(before);
  });
});
