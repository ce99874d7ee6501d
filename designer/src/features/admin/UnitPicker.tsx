import { TreeSelect } from 'antd';
import { useUnits } from '../../shared/names.ts';
import { type UnitRow, unitForest, within } from './reach.ts';
import { shownUnits } from './shownUnits.tsx';

/**
 * A unit from the tree of those in reach, searched by name; `roots` narrows it to the units
 * below them (where one may act), `kinds` to units of those kinds.
 */
export function UnitPicker({
  roots,
  kinds,
  value,
  onChange,
  id,
  testId,
}: {
  roots?: readonly string[];
  kinds?: readonly string[];
  value?: string;
  onChange?: (path: string) => void;
  id?: string;
  testId?: string;
}) {
  const units = useUnits();
  const rows: UnitRow[] = (units.data?.items ?? []).filter((u) => (!roots || within(roots, u.path)) && (!kinds || kinds.includes(u.kind)));
  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      value={value}
      onChange={onChange}
      loading={units.isPending}
      treeData={shownUnits(unitForest(rows))}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="label"
      style={{ minWidth: 220 }}
    />
  );
}
