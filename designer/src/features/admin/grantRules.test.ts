import { describe, expect, it } from 'vitest';
import { grantableRoles, keepsAccount, mayGrant, staffUnits } from './grantRules.ts';

const HEFENG = '/nanhai/lishui/hefeng/';
const town = [{ role: 'town-admin', unitPath: '/nanhai/lishui/' }];
const village = [{ role: 'village-admin', unitPath: HEFENG }];
const clerk = [{ role: 'clerk', unitPath: HEFENG }];

describe('who grants which roles where', () => {
  it('lets a town admin grant every role anywhere in the town', () => {
    expect(mayGrant(town, 'village-admin', HEFENG)).toBe(true);
    expect(mayGrant(town, 'town-admin', '/nanhai/lishui/')).toBe(true);
    expect(mayGrant(town, 'clerk', '/nanhai/dali/')).toBe(false);
    expect(grantableRoles(town, ['town-admin', 'clerk'])).toEqual(['town-admin', 'clerk']);
  });

  it('lets a village admin grant the village’s staff roles there only', () => {
    expect(mayGrant(village, 'clerk', HEFENG)).toBe(true);
    expect(mayGrant(village, 'grid-worker', `${HEFENG}gaobian/`)).toBe(true);
    expect(mayGrant(village, 'village-admin', HEFENG)).toBe(false);
    expect(mayGrant(village, 'auditor', HEFENG)).toBe(false);
    expect(mayGrant(village, 'clerk', '/nanhai/lishui/honggang/')).toBe(false);
    expect(grantableRoles(village, ['town-admin', 'village-admin', 'clerk', 'member'])).toEqual(['clerk', 'member']);
  });

  it('lets no one else grant anything', () => {
    expect(staffUnits(clerk)).toEqual([]);
    expect(grantableRoles(clerk, ['clerk'])).toEqual([]);
    expect(mayGrant(clerk, 'clerk', HEFENG)).toBe(false);
  });

  it('leaves the account of anyone with a role beyond the village staff’s to the town', () => {
    expect(keepsAccount(village, clerk)).toBe(true);
    expect(keepsAccount(village, [...clerk, { role: 'clerk', unitPath: '/nanhai/lishui/' }])).toBe(false);
    expect(keepsAccount(village, [{ role: 'village-admin', unitPath: HEFENG }])).toBe(false);
    expect(keepsAccount(town, [{ role: 'village-admin', unitPath: HEFENG }])).toBe(true);
    expect(keepsAccount(village, [])).toBe(false);
  });
});
