import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type HttpClient, signIn, spawnDemoServer } from './serverProcess.ts';
import { removeDir } from './support.ts';

const folder = mkdtempSync(join(tmpdir(), 'shanzhi-cluster-'));
afterAll(() => removeDir(folder));

/** The live server processes forked by `pid` (not tsx's esbuild service), from /proc. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name in parentheses may hold spaces: the parent pid is the second field after it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const server = readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('start.ts');
      if (Number(fields[1]) === pid && fields[0] !== 'Z' && server) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out.sort();
}

async function until<T>(what: string, probe: () => T | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('SHANZHI_PROCESSES: several server processes on one port and one store', () => {
  it('sets up once, serves from every process, replaces one that dies, and stops them all on SIGTERM', async () => {
    const server = await spawnDemoServer({ SHANZHI_DATA_DIR: join(folder, 'data'), SHANZHI_PROCESSES: '2' });
    const { url, printed } = server;
    const primary = server.child.pid as number;
    try {
      // The demo was loaded once, by the primary: one banner, one set of logins.
      expect(printed.filter((l) => l.includes('已启动'))).toHaveLength(1);
      const servers = childrenOf(primary);
      expect(servers).toHaveLength(2);

      const clerk = () => signIn(url, 'hefeng-banshi');
      // A fresh connection per request spreads them over both processes; the same business key
      // again answers the first instance, whichever process committed it.
      const start = async (client: HttpClient, i: number) => {
        const res = await client.post('/api/process-instances', {
          definitionKey: 'key_matters',
          orgUnit: '/nanhai/lishui/hefeng/',
          businessKey: `HF-CLUSTER-${i}`,
          variables: { matterNo: `HF-CLUSTER-${i}`, matter: `鹤峰村路灯维修 ${i}` },
        });
        return { status: res.status, id: ((await res.json()) as { id: string }).id };
      };
      const hefeng = await clerk();
      const first = await Promise.all([0, 1, 2, 3].map((i) => start(hefeng, i)));
      expect(first.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      const second = await Promise.all([0, 1, 2, 3].map((i) => start(hefeng, i)));
      expect(second).toEqual(first.map((r) => ({ status: 200, id: r.id })));

      const [victim] = servers as [number];
      process.kill(victim, 'SIGKILL');
      const replaced = await until('a replacement process', () => {
        const now = childrenOf(primary);
        return now.length === 2 && !now.includes(victim) ? now : undefined;
      });
      expect(replaced).toContain(servers[1]);
      // Served throughout: by the survivor, then by both.
      const later = await Promise.all([4, 5, 6, 7].map(async (i) => start(await clerk(), i)));
      expect(later.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    } finally {
      expect(await server.stop(), `a graceful stop exits 0\n${server.stderr()}`).toBe(0);
      expect(childrenOf(primary)).toEqual([]);
    }
  }, 90_000);
});
