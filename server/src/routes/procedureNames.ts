import type { FastifyInstance } from 'fastify';

/** The names of the procedures behind some definitions, one cached read per distinct definition. */
export async function procedureNames(app: FastifyInstance, definitionIds: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(definitionIds)) {
    const name = (await app.runtime.definitions.byId(id))?.record.name;
    if (name) names.set(id, name);
  }
  return names;
}
