import type { MessageKey, Translate } from '../../i18n/index.tsx';

/** The kinds a unit may be (server/src/routes/org/schemas.ts UnitKind), as the add-unit form lists them. */
export const UNIT_KINDS = ['village', 'community', 'cooperative', 'compound', 'grid', 'department', 'party', 'town', 'district'] as const;

const KIND_KEYS: Record<string, MessageKey> = {
  district: 'admin.kind.district',
  town: 'admin.kind.town',
  village: 'admin.kind.village',
  community: 'admin.kind.community',
  cooperative: 'admin.kind.cooperative',
  compound: 'admin.kind.compound',
  grid: 'admin.kind.grid',
  department: 'admin.kind.department',
  party: 'admin.kind.party',
};

export function kindLabel(t: Translate, kind: string): string {
  const key = KIND_KEYS[kind];
  return key ? t(key) : kind;
}
