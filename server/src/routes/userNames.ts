import type { FastifyInstance } from 'fastify';

/** The display names of some users (who acted, whom a step waits on, who copied), one read per distinct user. */
export async function userNames(app: FastifyInstance, userIds: Iterable<string | undefined>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(userIds)) {
    if (id === undefined) continue;
    const user = await app.store.users.byId(id);
    if (user) names.set(id, user.displayName);
  }
  return names;
}
