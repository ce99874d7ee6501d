import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, mongoDbNameIn } from '../src/config.ts';
import { openStore } from '../src/main.ts';
import { removeDir } from './support.ts';

describe('configuration from the environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shanzhi-config-'));
  afterAll(() => removeDir(dir));
  const env = { SHANZHI_DATA_DIR: dir, SHANZHI_JWT_SECRET: 'test-secret-test-secret' };

  it('takes the SQLite synchronous mode, FULL or NORMAL in any case, and refuses anything else', () => {
    expect(loadConfig({ ...env, SHANZHI_SQLITE_SYNCHRONOUS: 'normal' }).sqliteSynchronous).toBe('NORMAL');
    expect(loadConfig(env).sqliteSynchronous).toBeUndefined();
    expect(() => loadConfig({ ...env, SHANZHI_SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(/FULL or NORMAL/);
  });

  it('opens the embedded store in the data dir with that mode', async () => {
    const store = await openStore(loadConfig({ ...env, SHANZHI_SQLITE_SYNCHRONOUS: 'NORMAL' }));
    await store.migrate();
    expect(await store.units.under('/')).toEqual([]);
    await store.close();
  });

  it('names the MongoDB database by SHANZHI_MONGODB_DB, else by the URL, else shanzhi', async () => {
    expect(loadConfig({ ...env, SHANZHI_MONGODB_URL: 'mongodb://db1/x', SHANZHI_MONGODB_DB: 'lishui' }).mongodbDbName).toBe('lishui');
    expect(mongoDbNameIn('mongodb://db1:27017,db2:27017/shanzhi_lishui?replicaSet=rs0')).toBe('shanzhi_lishui');
    expect(mongoDbNameIn('mongodb+srv://cluster.example.cn/?retryWrites=true')).toBe('shanzhi');
    expect(mongoDbNameIn('mongodb://localhost')).toBe('shanzhi');
    // The adapter connects on first use, so opening it needs no server: it is the real export, ready to migrate.
    const store = await openStore({ dataDir: dir, mongodbUrl: 'mongodb://127.0.0.1:9/?replicaSet=rs0&serverSelectionTimeoutMS=100' });
    expect(typeof store.migrate).toBe('function');
    expect(typeof store.notices.current).toBe('function');
    await store.close();
  });
});
