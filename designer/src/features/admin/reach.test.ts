import { describe, expect, it } from 'vitest';
import { childPath, parentOf, unitForest, unitsWhere, within } from './reach.ts';

const unit = (path: string, name: string, kind = 'village') => ({ path, name, kind });

describe('the unit tree', () => {
  it('puts each unit below its parent, in path order, whatever order they come in', () => {
    const forest = unitForest([
      unit('/nanhai/lishui/hefeng/', '鹤峰村'),
      unit('/nanhai/lishui/', '里水镇', 'town'),
      unit('/nanhai/lishui/honggang/', '宏岗村'),
      unit('/nanhai/lishui/hefeng/gaobian/', '高边经济社', 'cooperative'),
    ]);
    expect(forest.map((n) => n.title)).toEqual(['里水镇']);
    expect(forest[0]?.children.map((n) => n.title)).toEqual(['鹤峰村', '宏岗村']);
    expect(forest[0]?.children[0]?.children.map((n) => n.key)).toEqual(['/nanhai/lishui/hefeng/gaobian/']);
  });

  it('makes a unit whose parent is out of reach a root, below the nearest unit in reach', () => {
    const forest = unitForest([
      unit('/nanhai/', '南海区', 'district'),
      unit('/nanhai/lishui/hefeng/', '鹤峰村'),
      unit('/nanhai/dali/taiping/', '太平社区'),
    ]);
    expect(forest.map((n) => n.title)).toEqual(['南海区']);
    expect(forest[0]?.children.map((n) => n.title)).toEqual(['太平社区', '鹤峰村']);
    expect(unitForest([unit('/nanhai/lishui/hefeng/', '鹤峰村'), unit('/nanhai/dali/taiping/', '太平社区')]).map((n) => n.title)).toEqual([
      '太平社区',
      '鹤峰村',
    ]);
  });

  it('does not take a unit whose path merely starts like another for its child', () => {
    const forest = unitForest([unit('/nanhai/li/', '甲'), unit('/nanhai/lishui/', '里水镇')]);
    expect(forest.map((n) => n.title)).toEqual(['甲', '里水镇']);
  });
});

describe('reach', () => {
  const grants = [
    { role: 'town-admin', unitPath: '/nanhai/lishui/' },
    { role: 'clerk', unitPath: '/nanhai/dali/' },
    { role: 'town-admin', unitPath: '/nanhai/lishui/' },
  ];

  it('names the units where a role is held, once each', () => {
    expect(unitsWhere(grants, ['town-admin'])).toEqual(['/nanhai/lishui/']);
    expect(unitsWhere(grants, ['auditor'])).toEqual([]);
  });

  it('holds below a unit and not beside it', () => {
    expect(within(['/nanhai/lishui/'], '/nanhai/lishui/hefeng/')).toBe(true);
    expect(within(['/nanhai/lishui/'], '/nanhai/lishui/')).toBe(true);
    expect(within(['/nanhai/lishui/'], '/nanhai/dali/taiping/')).toBe(false);
    expect(within(['/nanhai/lishui/'], '/nanhai/')).toBe(false);
  });

  it('writes a new unit’s path below its parent', () => {
    expect(childPath('/nanhai/lishui/', ' Xincun ')).toBe('/nanhai/lishui/xincun/');
    expect(parentOf('/nanhai/lishui/hefeng/')).toBe('/nanhai/lishui/');
    expect(parentOf('/nanhai/')).toBe('/');
  });
});
