import { describe, expect, it } from 'vitest';
import { type Client, client, deploy, PASSWORD, REVIEW, UNITS, useTestEnv } from './support.ts';

describe('organisation, users and grants', () => {
  const env = useTestEnv();

  it('lists the units in reach', async () => {
    const clerk = await env.as('hefeng');
    expect((await clerk.get('/api/org/units')).json().items.map((u: { path: string }) => u.path)).toEqual([UNITS.hefeng]);
    const admin = await env.as('admin');
    expect((await admin.get('/api/org/units')).json().items.map((u: { path: string }) => u.path)).toEqual([
      UNITS.lishui,
      UNITS.hefeng,
      UNITS.honggang,
    ]);
  });

  it('lists the users holding a role in reach, in pages, with their grants there only', async () => {
    const admin = await env.as('admin');
    const names = async (c: typeof admin, query = '') =>
      (await c.get(`/api/org/users${query}`)).json<{ items: { username: string }[] }>().items.map((u) => u.username);
    expect(await names(admin)).toEqual(['admin', 'hefeng', 'honggang', 'town']);
    const first = (await admin.get('/api/org/users?limit=3')).json<{ items: { username: string }[]; next: string }>();
    expect(first.items.map((u) => u.username)).toEqual(['admin', 'hefeng', 'honggang']);
    expect(await names(admin, `?limit=3&cursor=${encodeURIComponent(first.next)}`)).toEqual(['town']);

    // Those with roles above the village (the town's staff) are not the village's to list.
    const clerk = await env.as('hefeng');
    expect(await names(clerk)).toEqual(['hefeng']);
    const listed = (await admin.get('/api/org/users')).json<{ items: { username: string; grants: unknown[]; actions: string[] }[] }>();
    const me = listed.items.find((u) => u.username === 'admin');
    expect(me?.grants).toEqual([
      { role: 'designer', unitPath: UNITS.lishui, revocable: true },
      { role: 'town-admin', unitPath: UNITS.lishui, revocable: true },
    ]);
    // What the admin may do with each user comes with it: not disabling themselves.
    expect(me).toMatchObject({ actions: ['grant', 'password'] });
    expect(listed.items.find((u) => u.username === 'hefeng')).toMatchObject({ actions: ['grant', 'password', 'disable'] });
    expect((await clerk.get('/api/org/users')).json().items[0]).toMatchObject({ username: 'hefeng', actions: ['password'] });
    const dali = await env.as('daliAdmin');
    expect(await names(dali)).toEqual(['daliAdmin']);
  });

  it('lets a town admin add units and users with grants below the town, and no one else', async () => {
    const admin = await env.as('admin');
    const unit = await admin.post('/api/org/units', { path: '/nanhai/lishui/hefeng/gaobian/', name: '高边经济社', kind: 'cooperative' });
    expect(unit.statusCode).toBe(201);
    const created = await admin.post('/api/org/users', {
      username: 'gaobian-clerk',
      displayName: '高边经济社文员',
      password: 'a long enough password',
      grants: [{ role: 'clerk', unitPath: '/nanhai/lishui/hefeng/gaobian/' }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('passwordHash');
    expect(
      (
        await admin.post('/api/org/users', {
          username: 'gaobian-clerk',
          displayName: 'x',
          password: 'a long enough password',
          grants: [{ role: 'clerk', unitPath: UNITS.hefeng }],
        })
      ).json().code,
    ).toBe('SZ_USERNAME_TAKEN');
    const orphan = await admin.post('/api/org/users', {
      username: 'nobody',
      displayName: 'x',
      password: 'a long enough password',
      grants: [],
    });
    expect(orphan.json()).toMatchObject({ code: 'SZ_VALIDATION', details: [{ field: 'body.grants' }] });
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gaobian-clerk', password: 'a long enough password' },
    });
    expect(login.statusCode).toBe(200);

    expect(
      (
        await admin.post('/api/org/users', {
          username: 'x',
          displayName: 'x',
          password: 'a long enough password',
          grants: [{ role: 'clerk', unitPath: UNITS.dali }],
        })
      ).statusCode,
    ).toBe(404);
    const clerk = await env.as('hefeng');
    expect((await clerk.post('/api/org/units', { path: '/nanhai/lishui/hefeng/x/', name: 'x', kind: 'grid' })).statusCode).toBe(403);
    const id = created.json().id as string;
    expect((await admin.post(`/api/org/users/${id}/grants`, { role: 'approver', unitPath: UNITS.hefeng })).json().grants).toHaveLength(2);
    expect(
      (await admin.post(`/api/org/users/${id}/grants/revoke`, { role: 'clerk', unitPath: '/nanhai/lishui/hefeng/gaobian/' })).json().grants,
    ).toEqual([{ role: 'approver', unitPath: UNITS.hefeng, revocable: true }]);
    const dali = await env.as('daliAdmin');
    expect((await dali.get(`/api/org/users/${id}`)).statusCode).toBe(404);
    // Nor can 大沥镇's admin hand them a role at 大沥镇: they are not 大沥镇's to see.
    expect((await dali.post(`/api/org/users/${id}/grants`, { role: 'clerk', unitPath: UNITS.dali })).statusCode).toBe(404);
  });

  it('lets a village admin keep the village’s staff: accounts, staff roles and passwords there, and nothing above', async () => {
    const admin = await env.as('admin');
    const newUser = (c: Client, username: string, role: string, unitPath: string) =>
      c.post('/api/org/users', { username, displayName: username, password: PASSWORD, grants: [{ role, unitPath }] });
    const created = await newUser(admin, 'hefeng-admin', 'village-admin', UNITS.hefeng);
    expect(created.statusCode).toBe(201);
    const signedIn = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'hefeng-admin', password: PASSWORD },
    });
    const village = client(env.app, signedIn.json<{ token: string }>().token);

    const clerk = await newUser(village, 'hefeng-new', 'clerk', UNITS.hefeng);
    expect(clerk.statusCode).toBe(201);
    const id = clerk.json().id as string;
    expect((await village.post(`/api/org/users/${id}/grants`, { role: 'grid-worker', unitPath: UNITS.hefeng })).json()).toMatchObject({
      grants: [
        { role: 'clerk', unitPath: UNITS.hefeng, revocable: true },
        { role: 'grid-worker', unitPath: UNITS.hefeng, revocable: true },
      ],
      actions: ['grant', 'password', 'disable'],
    });
    // The village admin's own role is the town's to take back.
    expect((await village.get(`/api/org/users/${created.json().id}`)).json()).toMatchObject({
      grants: [{ role: 'village-admin', revocable: false }],
      actions: ['grant', 'password'],
    });
    expect((await village.post(`/api/org/users/${id}/grants/revoke`, { role: 'clerk', unitPath: UNITS.hefeng })).statusCode).toBe(200);
    expect((await village.post(`/api/org/users/${id}/password`, { password: 'another long password' })).statusCode).toBe(204);

    // No administrator's, designer's or auditor's role, even at the village: a town admin grants those.
    for (const role of ['village-admin', 'town-admin', 'designer', 'auditor']) {
      const refused = await village.post(`/api/org/users/${id}/grants`, { role, unitPath: UNITS.hefeng });
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json(), role).toMatchObject({ code: 'SZ_FORBIDDEN', message: expect.stringContaining('村（居）管理员只能授予') });
    }
    expect((await newUser(village, 'hefeng-boss', 'village-admin', UNITS.hefeng)).statusCode).toBe(403);
    // Nothing beside or above the village: a unit out of reach answers as if it were not there.
    expect((await newUser(village, 'honggang-new', 'clerk', UNITS.honggang)).statusCode).toBe(404);
    expect((await village.post(`/api/org/users/${id}/grants`, { role: 'clerk', unitPath: UNITS.lishui })).statusCode).toBe(404);
    expect((await village.post('/api/org/units', { path: '/nanhai/lishui/hefeng/x/', name: 'x', kind: 'grid' })).statusCode).toBe(403);

    // A villager who is also town staff is the town's to keep: the village admin sets no password of theirs.
    await admin.post(`/api/org/users/${id}/grants`, { role: 'clerk', unitPath: UNITS.lishui });
    expect((await village.get(`/api/org/users/${id}`)).json()).toMatchObject({ actions: ['grant'] });
    const townStaff = await village.post(`/api/org/users/${id}/password`, { password: 'a third long password' });
    expect(townStaff.statusCode).toBe(403);
    expect(townStaff.json().message).toContain('由镇（街）管理员设置');
    expect((await village.post(`/api/org/users/${env.userId('hefeng')}/password`, { password: 'a third long password' })).statusCode).toBe(
      204,
    );
  });

  it('disables a user, who signs in no more and whose token stops working, and enables them again', async () => {
    const admin = await env.as('admin');
    const clerk = await env.as('hefeng');
    const id = env.userId('hefeng');
    const login = () => env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'hefeng', password: PASSWORD } });

    const disabled = await admin.put(`/api/org/users/${id}/disabled`, { disabled: true });
    expect(disabled.json()).toMatchObject({ id, disabled: true, grants: [{ role: 'clerk', unitPath: UNITS.hefeng }] });
    expect((await clerk.get('/api/org/units')).statusCode).toBe(401);
    expect((await login()).statusCode).toBe(401);
    expect((await admin.get(`/api/org/users/${id}`)).json().disabled).toBe(true);

    expect((await admin.put(`/api/org/users/${id}/disabled`, { disabled: false })).json().disabled).toBe(false);
    expect((await login()).statusCode).toBe(200);

    // Not oneself, not someone out of reach, not without a reason to ask.
    const self = await admin.put(`/api/org/users/${env.userId('admin')}/disabled`, { disabled: true });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toContain('不能停用自己的账号');
    expect((await (await env.as('daliAdmin')).put(`/api/org/users/${id}/disabled`, { disabled: true })).statusCode).toBe(404);
    const refused = await (await env.as('town')).put(`/api/org/users/${id}/disabled`, { disabled: true });
    expect(refused.statusCode).toBe(403);
    expect((await admin.put(`/api/org/users/${id}/disabled`, { disabled: 'yes' })).json()).toMatchObject({
      code: 'SZ_VALIDATION',
      details: [{ field: 'body.disabled' }],
    });
  });

  it('applies a grant or a revocation to the user’s very next request', async () => {
    const clerk = await env.as('hefeng');
    const units = async () => (await clerk.get('/api/org/units')).json<{ items: { path: string }[] }>().items.map((u) => u.path);
    expect(await units()).toEqual([UNITS.hefeng]);
    const admin = await env.as('admin');
    await admin.post(`/api/org/users/${env.userId('hefeng')}/grants`, { role: 'clerk', unitPath: UNITS.honggang });
    expect(await units()).toEqual([UNITS.hefeng, UNITS.honggang]);
    await admin.post(`/api/org/users/${env.userId('hefeng')}/grants/revoke`, { role: 'clerk', unitPath: UNITS.hefeng });
    expect(await units()).toEqual([UNITS.honggang]);
  });

  it('shows a village the town’s definitions it runs on, and not another town’s', async () => {
    const town = await deploy(env, REVIEW);
    const clerk = await env.as('hefeng');
    expect((await clerk.get('/api/process-definitions')).json().items.map((d: { id: string }) => d.id)).toEqual([town.id]);
    expect((await clerk.get(`/api/process-definitions/${town.id}/xml`)).statusCode).toBe(200);
    const dali = await env.as('daliAdmin');
    expect((await dali.get(`/api/process-definitions/${town.id}/xml`)).statusCode).toBe(404);
  });
});
