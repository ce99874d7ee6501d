import { useQuery } from '@tanstack/react-query';
import { api, ok } from './api.ts';

/** People within reach, for pickers and for names where the API gives a user id. */
export function usePeople() {
  const users = useQuery({
    queryKey: ['/api/org/users', { limit: 200 }],
    queryFn: () => ok(api.GET('/api/org/users', { params: { query: { limit: 200 } } })),
    staleTime: 5 * 60_000,
  });
  const items = users.data?.items ?? [];
  const byId = new Map(items.map((u) => [u.id, u]));
  return {
    items,
    loading: users.isPending,
    name: (id: string | undefined) => (id === undefined ? '' : (byId.get(id)?.displayName ?? id)),
    options: items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })),
  };
}
