import { useUnitNames, useUnits } from '../../shared/names.ts';
import { useSession } from '../../shared/session.tsx';

/** The roles that deploy procedures (server/src/plugins/tenancy.ts, definition:deploy). */
export const DEPLOYERS = ['town-admin', 'designer', 'village-admin'];

/** The units I may deploy at: each unit at or below one where I hold a deploying role, the unit itself first. */
export function useDeployUnits() {
  const { me } = useSession();
  const units = useUnits();
  const unitName = useUnitNames();
  const roots = (me?.grants ?? []).filter((g) => DEPLOYERS.includes(g.role)).map((g) => g.unitPath);
  const options = (units.data?.items ?? [])
    .filter((u) => roots.some((r) => u.path.startsWith(r)))
    .map((u) => ({ value: u.path, label: u.name }));
  return { options, nameOf: (path: string | undefined) => (path ? unitName(path) : '') };
}
