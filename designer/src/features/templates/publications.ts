import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../shared/api.ts';

/** The publications made at these units (a town's own, not those it received from above), newest first. */
export function usePublicationsMadeAt(units: readonly string[]) {
  return useQuery({
    queryKey: ['/api/template-publications', 'made at', units],
    queryFn: async () => {
      const pages = await Promise.all(units.map((unit) => ok(api.GET('/api/template-publications', { params: { query: { unit } } }))));
      return pages.flatMap((p) => p.items).filter((p) => units.includes(p.unitPath));
    },
  });
}
