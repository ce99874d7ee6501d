import type { TaskRecord } from '@shanzhi/store';
import type { FastifyInstance } from 'fastify';
import { procedureNames } from '../procedureNames.ts';
import { taskView } from './view.ts';

/** What a task's line says besides the task itself: its procedure's name and the matter's number. */
export interface TaskContext {
  readonly processName?: string;
  readonly businessKey?: string;
  readonly startedBy?: string;
}

/**
 * The context of a page of tasks: one read per distinct instance and definition (the
 * definitions from the runtime's cache), not one per task.
 */
export async function contextsOf(app: FastifyInstance, tasks: readonly TaskRecord[]): Promise<Map<string, TaskContext>> {
  const instances = [];
  for (const instanceId of new Set(tasks.map((t) => t.instanceId))) {
    const instance = await app.store.instances.byId(instanceId);
    if (instance) instances.push(instance);
  }
  const names = await procedureNames(
    app,
    instances.map((i) => i.definitionId),
  );
  const contexts = new Map<string, TaskContext>();
  for (const instance of instances) {
    const processName = names.get(instance.definitionId);
    contexts.set(instance.id, {
      startedBy: instance.startedBy,
      ...(processName ? { processName } : {}),
      ...(instance.businessKey === undefined ? {} : { businessKey: instance.businessKey }),
    });
  }
  return contexts;
}

/** The task as the API lists it, with its procedure's name and the matter's number. */
export function describedTaskView(t: TaskRecord, context: TaskContext | undefined) {
  return {
    ...taskView(t),
    ...(context?.processName ? { processName: context.processName } : {}),
    ...(context?.businessKey ? { businessKey: context.businessKey } : {}),
  };
}
