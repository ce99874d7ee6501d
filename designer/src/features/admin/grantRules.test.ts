import { describe, expect, it } from 'vitest';
import { grantableRoles, staffUnits } from './grantRules.ts';

const HEFENG = '/nanhai/lishui/hefeng/';
const town = [{ role: 'town-admin', unitPath: '/nanhai/lishui/' }];
const village = [
  { role: 'village-admin', unitPath: HEFENG },
  { role: 'clerk', unitPath: HEFENG },
];
const clerk = [{ role: 'clerk', unitPath: HEFENG }];

describe('what the grant pickers offer', () => {
  it('offers a town admin every role, at the units of the town', () => {
    expect(grantableRoles(town, ['town-admin', 'clerk'])).toEqual(['town-admin', 'clerk']);
    expect(staffUnits(town)).toEqual(['/nanhai/lishui/']);
  });

  it('offers a village admin the village’s staff roles, at the village', () => {
    expect(grantableRoles(village, ['town-admin', 'village-admin', 'clerk', 'member', 'auditor'])).toEqual(['clerk', 'member']);
    expect(staffUnits(village)).toEqual([HEFENG]);
  });

  it('offers anyone else nothing', () => {
    expect(staffUnits(clerk)).toEqual([]);
    expect(grantableRoles(clerk, ['clerk'])).toEqual([]);
  });
});
