import type { MatterCounts, OrgUnit } from '@shanzhi/store';
import { describe, expect, it } from 'vitest';
import { byProcedure, byUnit, countsView } from './counts.ts';

const unit = (path: string, name: string, kind: OrgUnit['kind']): OrgUnit => ({ id: path, path, name, kind });
const TOWN = unit('/nanhai/lishui/', '里水镇', 'town');
const HEFENG = unit('/nanhai/lishui/hefeng/', '鹤峰村', 'village');
const GAOBIAN = unit('/nanhai/lishui/hefeng/gaobian/', '高边经济社', 'cooperative');
const HONGGANG = unit('/nanhai/lishui/honggang/', '宏岗村', 'village');
const DABU = unit('/nanhai/lishui/dabu/', '大步社区', 'community');
const OFFICE = unit('/nanhai/lishui/dangjian/', '党建办', 'department');
const BELOW_TOWN = [DABU, OFFICE, HEFENG, GAOBIAN, HONGGANG];

const counts = (unitPath: string, definitionKey: string, open: number, overdue = 0, onTime = 0, late = 0): MatterCounts => ({
  unitPath,
  definitionKey,
  started: open + onTime + late,
  open,
  overdue,
  closedOnTime: onTime,
  closedLate: late,
});
const shown = (rows: { name: string; open: number; overdue: number }[]) => rows.map((r) => [r.name, r.open, r.overdue]);

describe('the dashboard rows', () => {
  it('gives a town a row per village and community, zeros too, with a cooperative counted in its village', () => {
    const rows = byUnit(TOWN, BELOW_TOWN, [counts(HEFENG.path, 'a', 2, 1), counts(GAOBIAN.path, 'a', 1, 1), counts(HEFENG.path, 'b', 1)]);
    expect(shown(rows)).toEqual([
      ['大步社区', 0, 0],
      ['鹤峰村', 4, 2],
      ['宏岗村', 0, 0],
    ]);
  });

  it('lists a town office only when it has matters, and the town itself first when it has its own', () => {
    const rows = byUnit(TOWN, BELOW_TOWN, [counts(TOWN.path, 'a', 1), counts(OFFICE.path, 'a', 3)]);
    expect(rows.map((r) => r.name)).toEqual(['里水镇', '大步社区', '党建办', '鹤峰村', '宏岗村']);
  });

  it('gives a district a row per town', () => {
    const district = unit('/nanhai/', '南海区', 'district');
    const dali = unit('/nanhai/dali/', '大沥镇', 'town');
    expect(shown(byUnit(district, [dali, ...BELOW_TOWN, TOWN], [counts(HEFENG.path, 'a', 1, 1)]))).toEqual([
      ['大沥镇', 0, 0],
      ['里水镇', 1, 1],
    ]);
  });

  it('shows a village itself, and a cooperative of it only when the cooperative has matters', () => {
    expect(shown(byUnit(HEFENG, [GAOBIAN], [counts(HEFENG.path, 'a', 2)]))).toEqual([['鹤峰村', 2, 0]]);
    expect(shown(byUnit(HEFENG, [GAOBIAN], []))).toEqual([['鹤峰村', 0, 0]]);
    expect(shown(byUnit(HEFENG, [GAOBIAN], [counts(HEFENG.path, 'a', 2), counts(GAOBIAN.path, 'a', 1, 1)]))).toEqual([
      ['鹤峰村', 2, 0],
      ['高边经济社', 1, 1],
    ]);
  });

  it('sums the units per procedure, in key order, named where a name is known', () => {
    const rows = byProcedure(
      [counts(HEFENG.path, 'village_request', 1, 1), counts(HONGGANG.path, 'key_matters', 2), counts(HONGGANG.path, 'village_request', 1)],
      new Map([['village_request', '村级事务申报']]),
    );
    expect(shown(rows)).toEqual([
      ['key_matters', 2, 0],
      ['村级事务申报', 2, 1],
    ]);
  });

  it('rates closure over the open and closed, on time over the closed, and none of nothing', () => {
    expect(countsView({ started: 5, open: 1, overdue: 0, closedOnTime: 2, closedLate: 1 })).toMatchObject({
      closed: 3,
      closureRate: 0.75,
      onTimeRate: 2 / 3,
    });
    expect(countsView({ started: 1, open: 0, overdue: 0, closedOnTime: 0, closedLate: 0 })).toMatchObject({
      closureRate: null,
      onTimeRate: null,
    });
  });
});
