import { planReturn } from '@shanzhi/engine';
import type { TaskRecord } from '@shanzhi/store';
import type { FastifyInstance } from 'fastify';

/**
 * The earlier user steps this task can go back to, the most recent first: the first is "the previous step".
 * The task's own step is never one: another member's vote in the same 会签, or this step's own earlier round,
 * is not an earlier step, and "returning" there would only start the step again.
 */
export async function returnTargets(app: FastifyInstance, t: TaskRecord) {
  const instance = await app.store.instances.byId(t.instanceId);
  const definition = instance && (await app.runtime.definitions.byId(instance.definitionId));
  const process = instance && definition?.model.processes[instance.state.processId];
  if (!instance || !process) return [];
  const done = (await app.store.tasks.ofInstance(t.instanceId))
    .filter((d) => d.status === 'completed' && d.endedAt !== undefined)
    // Newest first; keys count up within an instance, so they order what ended in the same millisecond.
    .sort((a, b) => (b.endedAt as number) - (a.endedAt as number) || Number(b.key) - Number(a.key));
  const seen = new Set<string>();
  const out: { elementId: string; name?: string; lastAssignee?: string; completedAt: number }[] = [];
  for (const d of done) {
    if (seen.has(d.elementId) || d.elementId === t.elementId) continue;
    seen.add(d.elementId);
    if (typeof planReturn(process, instance.state, t.key, d.elementId) === 'string') continue;
    out.push({
      elementId: d.elementId,
      completedAt: d.endedAt as number,
      ...(d.name === undefined ? {} : { name: d.name }),
      ...(d.endedBy === undefined ? {} : { lastAssignee: d.endedBy }),
    });
  }
  return out;
}
