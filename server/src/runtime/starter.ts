import type { Lang } from '@shanzhi/forms';
import { type InstanceRecord, type Store, StoreDuplicate } from '@shanzhi/store';
import { type FieldProblem, fieldText } from '../errors/fieldProblems.ts';
import { ApiError, fromEngine, invalidRequest } from '../errors.ts';
import type { CommandExecutor } from './commandExecutor.ts';
import type { Definitions } from './definitions.ts';
import { submittedVariables } from './submissions.ts';

export interface StartRequest {
  readonly definitionKey: string;
  readonly unitPath: string;
  readonly actor: string;
  readonly businessKey?: string;
  readonly variables?: Record<string, unknown>;
  /** The language a refused start form is answered in. */
  readonly lang?: Lang;
}

/**
 * Starts instances by definition key at a unit, idempotent on the business key: a second
 * start with the same key, definition key and unit answers the instance the first one made,
 * also when the two race (the store's unique key decides, the loser reads the winner).
 */
export class Starter {
  constructor(private readonly deps: { store: Store; definitions: Definitions; executor: CommandExecutor }) {}

  async start(r: StartRequest): Promise<{ record: InstanceRecord; created: boolean }> {
    const { store, definitions, executor } = this.deps;
    if (r.businessKey !== undefined) {
      const existing = await store.instances.byBusinessKey(r.definitionKey, r.unitPath, r.businessKey);
      if (existing) return { record: existing, created: false };
    }
    const definition = await definitions.resolve(r.definitionKey, r.unitPath);
    if (!definition) throw new ApiError('SZ_DEFINITION_NOT_FOUND', { key: r.definitionKey, unit: r.unitPath });
    const fixed = Object.keys(r.variables ?? {}).filter((name) => Object.hasOwn(definition.record.variables ?? {}, name));
    if (fixed.length > 0) {
      const [first, ...rest] = fixed.map((name) => ({
        field: `body.variables.${name}`,
        message: fieldText('templateParameter'),
      }));
      throw invalidRequest([first as FieldProblem, ...rest]);
    }
    // A start form is the whole of what starting by hand may bring.
    const startForm = await definitions.startFormOf(definition);
    const variables = startForm ? submittedVariables(startForm, r.variables ?? {}, {}, r.lang ?? 'zh-CN') : r.variables;
    try {
      const outcome = await executor.start({
        definition,
        unitPath: r.unitPath,
        actor: r.actor,
        ...(r.businessKey === undefined ? {} : { businessKey: r.businessKey }),
        ...(variables ? { variables } : {}),
      });
      if (!outcome.ok) throw fromEngine(outcome.error);
      return { record: outcome.record, created: true };
    } catch (error) {
      if (!(error instanceof StoreDuplicate) || r.businessKey === undefined) throw error;
      const existing = await store.instances.byBusinessKey(r.definitionKey, r.unitPath, r.businessKey);
      if (!existing) throw error;
      return { record: existing, created: false };
    }
  }
}
