import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { deploy, REVIEW, UNITS, useTestEnv } from './support.ts';

describe('the audit trail', () => {
  const env = useTestEnv();
  beforeEach(async () => {
    await deploy(env, REVIEW);
  });

  it('verifies, and names the first broken link after a row is changed in the database', async () => {
    const clerk = await env.as('hefeng');
    const ids: string[] = [];
    for (const key of ['2026-001', '2026-002']) {
      ids.push(
        (
          await clerk.post('/api/process-instances', {
            definitionKey: 'review',
            orgUnit: UNITS.hefeng,
            businessKey: key,
            variables: { 金额: 1000 },
          })
        ).json<{ id: string }>().id,
      );
    }
    const auditor = await env.as('auditor');
    const ok = await auditor.get('/api/audit/verify');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true });

    const victim = ids[1] as string;
    const db = new Database(env.file);
    try {
      const columns = (db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map((c) => c.name);
      const instanceCol = columns.find((c) => /instance/.test(c)) as string;
      const dataCol = columns.find((c) => /^(event|data|payload)/.test(c)) as string;
      const row = db.prepare(`SELECT seq, ${dataCol} AS data FROM events WHERE ${instanceCol} = ? ORDER BY seq LIMIT 1`).get(victim) as {
        seq: number;
        data: string;
      };
      const changed = row.data.replace('1000', '999999');
      expect(changed).not.toBe(row.data);
      const info = db.prepare(`UPDATE events SET ${dataCol} = ? WHERE ${instanceCol} = ? AND seq = ?`).run(changed, victim, row.seq);
      expect(info.changes).toBe(1);
    } finally {
      db.close();
    }

    const broken = await auditor.get('/api/audit/verify');
    expect(broken.statusCode).toBe(200);
    expect(broken.json()).toMatchObject({ ok: false, firstBroken: { instanceId: victim, seq: 1 } });
    // One instance at a time, too.
    expect((await auditor.get(`/api/audit/verify?instanceId=${ids[0]}`)).json()).toEqual({ ok: true });
    expect((await auditor.get(`/api/audit/verify?instanceId=${victim}`)).json()).toMatchObject({ ok: false, firstBroken: { seq: 1 } });
  });

  it('is for auditors and town admins only', async () => {
    const clerk = await env.as('hefeng');
    const res = await clerk.get('/api/audit/verify');
    expect(res.statusCode).toBe(403);
    expect((await (await env.as('admin')).get('/api/audit/verify')).statusCode).toBe(200);
  });
});
