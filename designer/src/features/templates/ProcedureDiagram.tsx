import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { api, ok } from '../../shared/api.ts';
import { Loading, Query } from '../../shared/states.tsx';

const DiagramViewer = lazy(() => import('../../shared/diagram/DiagramViewer.tsx'));

const NOTHING_ACTIVE: readonly string[] = [];

/** The procedure a unit has deployed (a definition), or would deploy (a publication's rendering with the town's settings). */
export function ProcedureDiagram(source: { definitionId: string } | { publicationId: string; unit: string }) {
  const xml = useQuery({
    queryKey: ['procedure-diagram', source],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () =>
      'definitionId' in source
        ? ((await ok(
            api.GET('/api/process-definitions/{id}/xml', { params: { path: { id: source.definitionId } }, parseAs: 'text' }),
          )) as string)
        : (await ok(api.POST('/api/adoptions/preview', { body: { publicationId: source.publicationId, unit: source.unit, overlay: {} } })))
            .xml,
  });
  return (
    <Query query={xml}>
      {(text) => (
        <Suspense fallback={<Loading />}>
          <DiagramViewer xml={text} active={NOTHING_ACTIVE} />
        </Suspense>
      )}
    </Query>
  );
}
