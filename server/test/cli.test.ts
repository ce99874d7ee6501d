import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flow, processXml } from '@shanzhi/engine/testing';
import { createSqliteStore } from '@shanzhi/store/sqlite';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/auth/password.ts';
import { main } from '../src/cli/main.ts';
import { DEMO_UNITS } from '../src/demo/data.ts';

const folder = mkdtempSync(join(tmpdir(), 'shanzhi-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let dirs = 0;
/** A fresh data dir (not created: the CLI makes it). */
const newDataDir = () => join(folder, `data-${++dirs}`);

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `pnpm shanzhi …` in-process against a data dir; relative paths start at the temp folder. */
async function shanzhi(dataDir: string, argv: string[], env: Record<string, string> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { SHANZHI_DATA_DIR: dataDir, ...env },
    cwd: folder,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const STRONG = 'lishui-2026-secret';

describe('pnpm shanzhi', () => {
  it('prints help for the program and for each command, and exits 2 on bad arguments naming them', async () => {
    const dir = newDataDir();
    const help = await shanzhi(dir, ['--help']);
    expect(help.code).toBe(0);
    for (const name of ['admin create', 'demo load', 'deploy', 'audit verify', 'backup', 'restore']) expect(help.out).toContain(name);

    for (const argv of [
      ['admin', 'create', '--help'],
      ['deploy', '-h'],
      ['help', 'restore'],
      ['audit', 'verify', '--help'],
    ]) {
      const r = await shanzhi(dir, argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.out).toContain('用法 (usage): pnpm shanzhi');
    }
    expect((await shanzhi(dir, ['deploy', '--help'])).out).toContain('--unit UNIT');

    expect((await shanzhi(dir, [])).code).toBe(2);
    const unknown = await shanzhi(dir, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('frobnicate');
    const noSub = await shanzhi(dir, ['admin']);
    expect(noSub.code).toBe(2);
    expect(noSub.err).toContain('create');
    const badFlag = await shanzhi(dir, ['audit', 'verify', '--everything']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.err).toContain('--everything');
    const noValue = await shanzhi(dir, ['deploy', 'x.bpmn', '--unit']);
    expect(noValue.code).toBe(2);
    expect(noValue.err).toContain('--unit');
    const noFile = await shanzhi(dir, ['deploy', '--unit', '里水镇']);
    expect(noFile.code).toBe(2);
    expect(noFile.err).toContain('FILE');
  });

  it('admin create: a town admin at a unit by path or unique name; refuses weak passwords, taken usernames, unknown units', async () => {
    const dir = newDataDir();
    // A fresh install: the first unit is created with the first admin.
    const first = await shanzhi(dir, [
      'admin',
      'create',
      '--username',
      'nanhai-root',
      '--password',
      STRONG,
      '--unit',
      '/nanhai',
      '--unit-name',
      '南海区',
      '--unit-kind',
      'district',
    ]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('nanhai-root');

    expect((await shanzhi(dir, ['demo', 'load'])).code).toBe(0);
    const byName = await shanzhi(dir, [
      'admin',
      'create',
      '--username',
      'lishui-boss',
      '--password',
      STRONG,
      '--unit',
      '里水镇',
      '--name',
      '里水镇新管理员',
    ]);
    expect(byName.code).toBe(0);
    expect(byName.out).toContain('/nanhai/lishui/');

    const weak = await shanzhi(dir, ['admin', 'create', '--username', 'weakling', '--password', '1234567', '--unit', '里水镇']);
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('--password');
    const taken = await shanzhi(dir, ['admin', 'create', '--username', 'lishui-boss', '--password', STRONG, '--unit', '里水镇']);
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('lishui-boss');
    const demoTaken = await shanzhi(dir, ['admin', 'create', '--username', 'hefeng-shuji', '--password', STRONG, '--unit', '鹤峰村']);
    expect(demoTaken.code).toBe(1);
    const nowhere = await shanzhi(dir, ['admin', 'create', '--username', 'ghost', '--password', STRONG, '--unit', '/nanhai/atlantis/']);
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toContain('/nanhai/atlantis/');
    const unnamed = await shanzhi(dir, ['admin', 'create', '--username', 'ghost', '--password', STRONG, '--unit', '亚特兰蒂斯镇']);
    expect(unnamed.code).toBe(1);
    expect(unnamed.err).toContain('亚特兰蒂斯镇');
    const missing = await shanzhi(dir, ['admin', 'create', '--username', 'ghost', '--password', STRONG]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--unit');

    // A name two units share must be given as a path.
    await shanzhi(dir, [
      'admin',
      'create',
      '--username',
      'x1',
      '--password',
      STRONG,
      '--unit',
      '/nanhai/shishan/dabu/',
      '--unit-name',
      '大步社区',
      '--unit-kind',
      'community',
    ]);
    const ambiguous = await shanzhi(dir, ['admin', 'create', '--username', 'x2', '--password', STRONG, '--unit', '大步社区']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.err).toContain('/nanhai/lishui/dabu/');
    expect(ambiguous.err).toContain('/nanhai/shishan/dabu/');

    const store = createSqliteStore({ file: join(dir, 'shanzhi.db') });
    try {
      const boss = await store.users.byUsername('lishui-boss');
      expect(boss?.displayName).toBe('里水镇新管理员');
      expect(await store.users.grantsOf(boss?.id ?? '')).toEqual([{ userId: boss?.id, role: 'town-admin', unitPath: '/nanhai/lishui/' }]);
      expect(await verifyPassword(STRONG, boss?.passwordHash)).toBe(true);
      expect(await store.users.byUsername('weakling')).toBeUndefined();
      expect(await store.users.byUsername('ghost')).toBeUndefined();
      expect((await store.units.under('/')).length).toBe(DEMO_UNITS.length + 1);
    } finally {
      await store.close();
    }
  });

  it('deploy: a good model deploys at a unit; a bad one, or a bad engine limit, exits 1 naming the element or variable, and nothing is deployed', async () => {
    const dir = newDataDir();
    expect((await shanzhi(dir, ['deploy', 'model.bpmn', '--unit', '里水镇'])).code).toBe(1); // no database yet
    expect((await shanzhi(dir, ['demo', 'load'])).code).toBe(0);

    mkdirSync(join(folder, 'models'), { recursive: true });
    writeFileSync(
      join(folder, 'models', 'review.bpmn'),
      processXml(
        'village_review',
        `<startEvent id="start"/><userTask id="check" name="材料审核"/><endEvent id="end"/>${flow('start', 'check', 'end')}`,
      ),
    );
    const good = await shanzhi(dir, ['deploy', 'models/review.bpmn', '--unit', '鹤峰村']);
    expect(good.err).toBe('');
    expect(good.code).toBe(0);
    expect(good.out).toContain('village_review');
    expect(good.out).toContain('/nanhai/lishui/hefeng/');
    const noted = await shanzhi(dir, ['deploy', 'models/review.bpmn', '--unit', '鹤峰村', '--note', '审核改由村两委办理']);
    expect(noted.code).toBe(0);
    expect(noted.out).toContain('版本说明 (note): 审核改由村两委办理');
    const tooLong = await shanzhi(dir, ['deploy', 'models/review.bpmn', '--unit', '鹤峰村', '--note', '改'.repeat(501)]);
    expect(tooLong.code).toBe(1);
    expect(tooLong.err).toContain('note too long');
    const misconfigured = await shanzhi(dir, ['deploy', 'models/review.bpmn', '--unit', '鹤峰村'], { SHANZHI_MAX_CALL_DEPTH: '0' });
    expect(misconfigured.code).toBe(1);
    expect(misconfigured.err).toContain("SHANZHI_MAX_CALL_DEPTH '0' is not a whole number from 1 to 256");

    writeFileSync(
      join(folder, 'models', 'broken.bpmn'),
      processXml('broken_review', `<startEvent id="start"/><exclusiveGateway id="gw_no_exit"/>${flow('start', 'gw_no_exit')}`),
    );
    const bad = await shanzhi(dir, ['deploy', 'models/broken.bpmn', '--unit', '/nanhai/lishui/']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('gw_no_exit');
    expect(bad.err).toContain('gateway-without-outgoing');

    expect((await shanzhi(dir, ['deploy', 'models/missing.bpmn', '--unit', '里水镇'])).code).toBe(1);
    expect((await shanzhi(dir, ['deploy', 'models/review.bpmn', '--unit', '/nanhai/atlantis/'])).code).toBe(1);

    const store = createSqliteStore({ file: join(dir, 'shanzhi.db') });
    try {
      expect(await store.definitions.latest('village_review', '/nanhai/lishui/hefeng/')).toMatchObject({
        version: 2,
        note: '审核改由村两委办理',
      });
      expect(await store.definitions.list(['/'], 'broken_review')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('audit verify: ok on the demo data; after a row is tampered with, exits 1 naming the first broken link', async () => {
    const dir = newDataDir();
    expect((await shanzhi(dir, ['demo', 'load'])).code).toBe(0);
    const ok = await shanzhi(dir, ['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('审计链完整');

    const db = new Database(join(dir, 'shanzhi.db'));
    const row = db.prepare('SELECT instance_id AS instanceId, seq FROM events ORDER BY instance_id, seq LIMIT 1 OFFSET 1').get() as {
      instanceId: string;
      seq: number;
    };
    db.prepare('UPDATE events SET actor = ? WHERE instance_id = ? AND seq = ?').run('mallory', row.instanceId, row.seq);
    db.close();

    const broken = await shanzhi(dir, ['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(row.instanceId);
    expect(broken.err).toContain(`事件序号 (event seq) ${row.seq}`);
    expect(broken.err).toContain('was changed after it was written');

    const one = await shanzhi(dir, ['audit', 'verify', '--instance', row.instanceId]);
    expect(one.code).toBe(1);
    expect((await shanzhi(dir, ['audit', 'verify', '--instance', 'no-such-instance'])).code).toBe(1);
  });

  it('backup then restore into a new data dir: the data is there; restore never overwrites without --force nor under a running store', async () => {
    const live = newDataDir();
    expect((await shanzhi(live, ['demo', 'load'])).code).toBe(0);
    const backupFile = join(folder, 'backups', '2026-03-01', 'shanzhi.db');
    const backedUp = await shanzhi(live, ['backup', 'backups/2026-03-01/shanzhi.db']);
    expect(backedUp.err).toBe('');
    expect(backedUp.code).toBe(0);
    expect(backedUp.out).toContain(backupFile);
    expect((await shanzhi(live, ['backup', backupFile])).code).toBe(1); // exists
    expect((await shanzhi(live, ['backup', backupFile, '--force'])).code).toBe(0);
    expect((await shanzhi(live, ['backup', join(live, 'copy.db')])).code).toBe(1); // inside the data dir

    const restoredDir = newDataDir();
    const restored = await shanzhi(restoredDir, ['restore', backupFile]);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('审计链完整');
    const store = createSqliteStore({ file: join(restoredDir, 'shanzhi.db') });
    try {
      expect((await store.units.byPath('/nanhai/lishui/hefeng/'))?.name).toBe('鹤峰村');
      expect((await store.users.byUsername('hefeng-shuji'))?.displayName).toBe('张建国');
      expect(await store.instances.byBusinessKey('key_matters', '/nanhai/lishui/hefeng/', 'HF-2026-001')).toBeDefined();

      // The store is open (as a running server would hold it): even --force is refused.
      const busy = await shanzhi(restoredDir, ['restore', backupFile, '--force']);
      expect(busy.code).toBe(1);
      expect(busy.err).toContain('停止服务器');
    } finally {
      await store.close();
    }
    const exists = await shanzhi(restoredDir, ['restore', backupFile]);
    expect(exists.code).toBe(1);
    expect(exists.err).toContain('--force');
    expect((await shanzhi(restoredDir, ['restore', backupFile, '--force'])).code).toBe(0);
    expect((await shanzhi(newDataDir(), ['restore', join(folder, 'no-such-backup.db')])).code).toBe(1);
  });

  it('backup and restore refuse MongoDB with a clear message', async () => {
    const env = { SHANZHI_MONGODB_URL: 'mongodb://127.0.0.1:1/shanzhi' };
    const b = await shanzhi(newDataDir(), ['backup', 'b.db'], env);
    expect(b.code).toBe(1);
    expect(b.err).toContain('mongodump');
    const r = await shanzhi(newDataDir(), ['restore', 'b.db'], env);
    expect(r.code).toBe(1);
    expect(r.err).toContain('mongorestore');
  });
});
