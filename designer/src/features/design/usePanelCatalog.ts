import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { type Translate, useT } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { roleLabel } from '../../shared/names.ts';
import { usePeople } from '../../shared/people.ts';
import type { FormField, PanelCatalog } from './panel/catalog.ts';
import { problemText } from './ruleTitles.ts';

type FormSummary = Success<'/api/forms', 'get'>['items'][number];

/** The roles a step goes to, at the instance's own unit and at the unit above it (docs/bpmn-extensions.md). */
const ROLES = ['approver', 'clerk', 'member', 'grid-worker', 'village-admin', 'town-admin'];

function roleChoices(t: Translate) {
  return ROLES.flatMap((role) => [
    { value: `role:${role}`, label: t('design.role.here', { role: roleLabel(t, role) }) },
    { value: `role:${role}@parent`, label: t('design.role.parent', { role: roleLabel(t, role) }) },
  ]);
}

function formChoices(items: readonly FormSummary[]) {
  const byKey = new Map<string, { key: string; title: string; versions: number[] }>();
  for (const f of items) {
    const entry = byKey.get(f.key) ?? { key: f.key, title: f.title, versions: [] };
    if (!entry.versions.includes(f.version)) entry.versions.push(f.version);
    byKey.set(f.key, entry);
  }
  return [...byKey.values()].map((f) => ({ ...f, versions: f.versions.sort((a, b) => a - b) }));
}

/** The top-level fields of the form `key` (the version given, else the newest in reach), titled as the form titles them. */
async function fieldsOf(
  queries: QueryClient,
  items: readonly FormSummary[],
  key: string,
  version: number | undefined,
): Promise<FormField[]> {
  const versions = items.filter((f) => f.key === key && (version === undefined || f.version === version));
  const newest = versions.sort((a, b) => b.version - a.version)[0];
  if (!newest) throw new Error(`no form ${key}`);
  const detail = await queries.fetchQuery({
    queryKey: ['/api/forms/{id}', newest.id],
    queryFn: () => ok(api.GET('/api/forms/{id}', { params: { path: { id: newest.id } } })),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const properties = (detail.schema.properties ?? {}) as Record<string, { title?: string }>;
  return Object.entries(properties).map(([name, p]) => ({ name, title: p.title ?? name }));
}

async function feelProblem(expression: string, t: Translate): Promise<string | undefined> {
  const answer = await ok(api.POST('/api/feel/check', { body: { expression } }));
  return answer.valid ? undefined : answer.problems.map((p) => problemText(t, p)).join('；') || undefined;
}

/**
 * The one catalogue object the properties panel reads, kept current as the people, forms,
 * language and the unit to deploy at arrive or change; `refresh` is told each time so the open panel draws again.
 */
export function usePanelCatalog(unit: string | undefined, refresh: () => void): PanelCatalog {
  const t = useT();
  const queries = useQueryClient();
  const people = usePeople();
  const forms = useQuery({ queryKey: ['/api/forms'], queryFn: () => ok(api.GET('/api/forms')), staleTime: 60_000 });
  const catalog = useRef<PanelCatalog>({
    t,
    users: [],
    roles: [],
    forms: [],
    formFields: async () => [],
    checkFeel: (expression: string) => feelProblem(expression, t),
  });
  const items = forms.data?.items;
  useEffect(() => {
    // A step binds the form nearest its unit, at it or above it: only those deploy there.
    const formItems = (items ?? []).filter((f) => unit?.startsWith(f.unitPath));
    Object.assign(catalog.current, {
      t,
      users: people.items.map((u) => ({ value: u.username, label: `${u.displayName}（${u.username}）` })),
      roles: roleChoices(t),
      forms: formChoices(formItems),
      formFields: (key: string, version: number | undefined) => fieldsOf(queries, formItems, key, version),
      checkFeel: (expression: string) => feelProblem(expression, t),
    });
    refresh();
  }, [t, people.items, items, unit, queries, refresh]);
  return catalog.current;
}
