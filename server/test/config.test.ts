import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '@shanzhi/engine';
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

  it('bounds what one command may cause by SHANZHI_MAX_ACTIVATIONS and SHANZHI_MAX_CALL_DEPTH, by default as the engine does', () => {
    expect(loadConfig(env).limits).toEqual(DEFAULT_LIMITS);
    expect(loadConfig({ ...env, SHANZHI_MAX_ACTIVATIONS: '50000', SHANZHI_MAX_CALL_DEPTH: '8' }).limits).toEqual({
      activations: 50_000,
      callDepth: 8,
    });
    expect(loadConfig({ ...env, SHANZHI_MAX_ACTIVATIONS: '', SHANZHI_MAX_CALL_DEPTH: '' }).limits).toEqual(DEFAULT_LIMITS);
  });

  it.each([
    ['SHANZHI_MAX_ACTIVATIONS', 'lots'],
    ['SHANZHI_MAX_ACTIVATIONS', '0'],
    ['SHANZHI_MAX_ACTIVATIONS', '99'],
    ['SHANZHI_MAX_ACTIVATIONS', '1e6'],
    ['SHANZHI_MAX_ACTIVATIONS', '2500.5'],
    ['SHANZHI_MAX_CALL_DEPTH', '0'],
    ['SHANZHI_MAX_CALL_DEPTH', '-3'],
    ['SHANZHI_MAX_CALL_DEPTH', '257'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => loadConfig({ ...env, [variable]: value })).toThrow(`${variable} '${value}' is not a whole number from`);
  });

  it('says which numbers each limit takes', () => {
    expect(() => loadConfig({ ...env, SHANZHI_MAX_ACTIVATIONS: '10' })).toThrow(
      "SHANZHI_MAX_ACTIVATIONS '10' is not a whole number from 100 to 100,000",
    );
    expect(() => loadConfig({ ...env, SHANZHI_MAX_CALL_DEPTH: 'deep' })).toThrow(
      "SHANZHI_MAX_CALL_DEPTH 'deep' is not a whole number from 1 to 256",
    );
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

  it('selects PostgreSQL by SHANZHI_STORE, a postgres:// or postgresql:// URL, with the pool size SHANZHI_POSTGRES_POOL_MAX', () => {
    const url = 'postgres://shanzhi:secret@db1:5432/shanzhi';
    expect(loadConfig({ ...env, SHANZHI_STORE: url })).toMatchObject({ postgresUrl: url });
    expect(loadConfig({ ...env, SHANZHI_STORE: url }).postgresPoolMax).toBeUndefined();
    expect(loadConfig({ ...env, SHANZHI_STORE: 'postgresql://db1/shanzhi' }).postgresUrl).toBe('postgresql://db1/shanzhi');
    expect(loadConfig({ ...env, SHANZHI_STORE: url, SHANZHI_POSTGRES_POOL_MAX: '4' }).postgresPoolMax).toBe(4);
    expect(loadConfig({ ...env, SHANZHI_STORE: '' }).postgresUrl).toBeUndefined();
    expect(loadConfig(env).postgresUrl).toBeUndefined();
  });

  it('refuses a SHANZHI_STORE that is no PostgreSQL URL without repeating its secrets, one given with MongoDB, and a bad pool size', () => {
    const refused = () => loadConfig({ ...env, SHANZHI_STORE: 'mysql://root:secret@db1/shanzhi' });
    expect(refused).toThrow("SHANZHI_STORE 'mysql:…' is not a postgres:// or postgresql:// URL");
    expect(refused).not.toThrow(/secret/);
    expect(() => loadConfig({ ...env, SHANZHI_STORE: 'postgres://db1/x', SHANZHI_MONGODB_URL: 'mongodb://db1/x' })).toThrow(/choose one/);
    for (const max of ['0', 'ten', '2.5', '1001']) {
      expect(() => loadConfig({ ...env, SHANZHI_STORE: 'postgres://db1/x', SHANZHI_POSTGRES_POOL_MAX: max })).toThrow(
        `SHANZHI_POSTGRES_POOL_MAX '${max}' is not a number of connections from 1 to 1000`,
      );
    }
  });

  it('opens the PostgreSQL store that SHANZHI_STORE names', async () => {
    // The pool connects on first use, so opening it needs no server: it is the real export, ready to migrate.
    const store = await openStore(loadConfig({ ...env, SHANZHI_STORE: 'postgres://127.0.0.1:9/shanzhi', SHANZHI_POSTGRES_POOL_MAX: '2' }));
    expect(typeof store.migrate).toBe('function');
    expect(typeof store.jobs.claimDue).toBe('function');
    await store.close();
  });
});
