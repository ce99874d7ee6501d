import { beforeEach, describe, expect, it } from 'vitest';
import { type Client, deploy, multipart, REVIEW, UNITS, useTestEnv } from './support.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');

describe('working a task', () => {
  let clerk: Client;
  let taskId: string;
  const env = useTestEnv();
  beforeEach(async () => {
    await deploy(env, REVIEW);
    clerk = await env.as('hefeng');
    await clerk.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng, businessKey: 'HF-001' });
    taskId = (await clerk.get('/api/tasks')).json<{ items: { id: string }[] }>().items[0]?.id as string;
  });

  const upload = (c: Client, fileName: string, type: string, content: Buffer) => {
    const { boundary, payload } = multipart('file', fileName, type, content);
    return env.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/attachments`,
      headers: { authorization: `Bearer ${c.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  };

  it('claims, unclaims, and finds tasks by text and scope', async () => {
    expect((await clerk.get('/api/tasks?scope=mine')).json().items).toEqual([]);
    expect((await clerk.post(`/api/tasks/${taskId}/claim`)).json().assignee).toBe(env.userId('hefeng'));
    expect((await clerk.get('/api/tasks?scope=mine')).json().items).toHaveLength(1);
    expect((await clerk.get('/api/tasks?text=HF-001')).json().items).toHaveLength(1);
    expect((await clerk.get('/api/tasks?text=nothing')).json().items).toHaveLength(0);
    const town = await env.as('town');
    // Claimed: it left the group inbox of others.
    expect((await town.get('/api/tasks')).json().items).toEqual([]);
    expect((await town.post(`/api/tasks/${taskId}/claim`)).json().code).toBe('SZ_TASK_CLAIMED');
    const back = await clerk.post(`/api/tasks/${taskId}/unclaim`);
    expect(back.statusCode).toBe(200);
    expect(back.json().assignee).toBeUndefined();
    expect((await town.get('/api/tasks')).json().items).toHaveLength(1);
  });

  it('pages the inbox with a cursor and sorts it', async () => {
    for (const key of ['HF-002', 'HF-003'])
      await clerk.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng, businessKey: key });
    const first = (await clerk.get('/api/tasks?limit=2&sort=created')).json<{ items: { id: string }[]; next?: string }>();
    expect(first.items).toHaveLength(2);
    expect(first.next).toBeTruthy();
    const second = (await clerk.get(`/api/tasks?limit=2&sort=created&cursor=${encodeURIComponent(first.next as string)}`)).json<{
      items: { id: string }[];
      next?: string;
    }>();
    expect(second.items).toHaveLength(1);
    expect(second.next).toBeUndefined();
    expect(new Set([...first.items, ...second.items].map((t) => t.id)).size).toBe(3);
  });

  it('assigns (admins) and delegates (the assignee) only to users reaching the unit', async () => {
    expect((await clerk.post(`/api/tasks/${taskId}/assign`, { userId: env.userId('town') })).statusCode).toBe(403);
    const admin = await env.as('admin');
    expect((await admin.post(`/api/tasks/${taskId}/assign`, { userId: env.userId('honggang') })).json().code).toBe('SZ_ASSIGNEE_INVALID');
    expect((await admin.post(`/api/tasks/${taskId}/assign`, { userId: env.userId('hefeng') })).json().assignee).toBe(env.userId('hefeng'));
    expect((await clerk.post(`/api/tasks/${taskId}/delegate`, { userId: env.userId('honggang') })).json().code).toBe('SZ_ASSIGNEE_INVALID');
    const delegated = await clerk.post(`/api/tasks/${taskId}/delegate`, { userId: env.userId('town') });
    expect(delegated.statusCode).toBe(200);
    expect(delegated.json()).toMatchObject({ assignee: env.userId('town'), owner: env.userId('hefeng') });
    expect((await clerk.post(`/api/tasks/${taskId}/complete`, {})).statusCode).toBe(403);
  });

  it('lets a delegate give the task back to its owner, who completes it', async () => {
    await clerk.post(`/api/tasks/${taskId}/claim`);
    await clerk.post(`/api/tasks/${taskId}/delegate`, { userId: env.userId('town') });
    const town = await env.as('town');
    expect((await town.get('/api/tasks?scope=mine')).json().items.map((t: { id: string }) => t.id)).toEqual([taskId]);
    const early = await town.post(`/api/tasks/${taskId}/complete`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('SZ_TASK_DELEGATED');
    expect((await clerk.post(`/api/tasks/${taskId}/resolve`)).json().code).toBe('SZ_NOT_CANDIDATE');

    const resolved = await town.post(`/api/tasks/${taskId}/resolve`);
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().assignee).toBe(env.userId('hefeng'));
    expect(resolved.json()).not.toHaveProperty('owner');
    expect((await clerk.post(`/api/tasks/${taskId}/resolve`)).json().code).toBe('SZ_TASK_NOT_DELEGATED');
    expect((await clerk.post(`/api/tasks/${taskId}/complete`, {})).statusCode).toBe(200);
  });

  it('records every change of holder in the audit trail, as its actor’s, and the inbox follows the engine', async () => {
    const admin = await env.as('admin');
    await clerk.post(`/api/tasks/${taskId}/claim`);
    await clerk.post(`/api/tasks/${taskId}/delegate`, { userId: env.userId('town') });
    await admin.post(`/api/tasks/${taskId}/unclaim`);
    await admin.post(`/api/tasks/${taskId}/assign`, { userId: env.userId('town') });
    const [instanceId, key] = taskId.split(':') as [string, string];
    const updates = (await env.store.events.ofInstance(instanceId))
      .filter((e) => e.event.type === 'UserTaskUpdated' && 'key' in e.event && e.event.key === key)
      .map((e) => ({ actor: e.actor, task: (e.event as { task: { assignee?: string; owner?: string } }).task }));
    expect(updates.slice(1).map((u) => [u.actor, u.task.assignee, u.task.owner])).toEqual([
      [env.userId('hefeng'), env.userId('hefeng'), undefined],
      [env.userId('hefeng'), env.userId('town'), env.userId('hefeng')],
      [env.userId('admin'), undefined, undefined],
      [env.userId('admin'), env.userId('town'), undefined],
    ]);
    const row = await env.store.tasks.byId(taskId);
    expect(row).toMatchObject({ assignee: env.userId('town'), candidateGroups: expect.arrayContaining([`clerk@${UNITS.hefeng}`]) });
    expect(row).not.toHaveProperty('owner');
    expect(await env.store.events.verify(instanceId)).toBeUndefined();
  });

  it('refuses a change of holder made on a task that changed since it was read', async () => {
    const stale = await env.store.tasks.byId(taskId);
    await clerk.post(`/api/tasks/${taskId}/claim`);
    const lateClaim = await env.app.runtime.executor
      .run(
        stale?.instanceId as string,
        { type: 'updateUserTask', key: stale?.key as string, assignee: env.userId('town') },
        { actor: env.userId('town'), internal: false, expectTask: { id: taskId, version: stale?.version as number } },
      )
      .catch((error: { code?: string }) => error.code);
    expect(lateClaim).toBe('SZ_TASK_CONFLICT');
    expect((await env.store.tasks.byId(taskId))?.assignee).toBe(env.userId('hefeng'));
  });

  it('keeps comments', async () => {
    const res = await clerk.post(`/api/tasks/${taskId}/comments`, { text: '材料齐全，建议通过' });
    expect(res.statusCode).toBe(201);
    const list = (await clerk.get(`/api/tasks/${taskId}/comments`)).json().items;
    expect(list).toEqual([expect.objectContaining({ text: '材料齐全，建议通过', author: env.userId('hefeng') })]);
    const auditor = await env.as('auditor');
    expect((await auditor.get(`/api/tasks/${taskId}/comments`)).json().items).toHaveLength(1);
    expect((await auditor.post(`/api/tasks/${taskId}/comments`, { text: 'x' })).statusCode).toBe(403);
  });

  it('takes attachments whose bytes match an allowed type, and serves them back', async () => {
    const png = await upload(clerk, '现场照片.png', 'image/png', PNG);
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ fileName: '现场照片.png', contentType: 'image/png', size: PNG.length });
    expect((await upload(clerk, '会议纪要.pdf', 'application/pdf', PDF)).statusCode).toBe(201);
    expect((await upload(clerk, '说明.txt', 'text/plain; charset=utf-8', Buffer.from('村民代表会议 2026年1月\n'))).statusCode).toBe(201);

    const fake = await upload(clerk, 'photo.png', 'image/png', Buffer.from('MZ\x90\x00 this is an exe', 'latin1'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('SZ_FILE_TYPE_REJECTED');
    expect((await upload(clerk, 'run.sh', 'application/x-sh', Buffer.from('#!/bin/sh\n'))).statusCode).toBe(415);
    expect((await upload(clerk, 'x.txt', 'text/plain', Buffer.from([0x00, 0x01, 0x02]))).statusCode).toBe(415);
    const big = await upload(clerk, 'big.pdf', 'application/pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('SZ_FILE_TOO_LARGE');

    const list = (await clerk.get(`/api/tasks/${taskId}/attachments`)).json<{ items: { id: string; fileName: string }[] }>().items;
    expect(list.map((a) => a.fileName).sort()).toEqual(['会议纪要.pdf', '现场照片.png', '说明.txt'].sort());
    const first = list.find((a) => a.fileName === '现场照片.png');
    const download = await clerk.get(`/api/tasks/${taskId}/attachments/${first?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(PNG)).toBe(true);
    const honggang = await env.as('honggang');
    expect((await honggang.get(`/api/tasks/${taskId}/attachments/${first?.id}`)).statusCode).toBe(404);

    // An attachment is served only through its own task.
    await clerk.post('/api/process-instances', { definitionKey: 'review', orgUnit: UNITS.hefeng, businessKey: 'HF-002' });
    const other = (await clerk.get('/api/tasks')).json<{ items: { id: string }[] }>().items.find((t) => t.id !== taskId);
    expect((await clerk.get(`/api/tasks/${other?.id}/attachments/${first?.id}`)).statusCode).toBe(404);
  });
});
