import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/data.ts';
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
    const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '..', 'src', 'demo', 'start.ts')],
      {
        cwd: join(import.meta.dirname, '..'),
        env: {
          ...process.env,
          PORT: '0',
          HOST: '127.0.0.1',
          SHANZHI_DATA_DIR: join(folder, 'data'),
          SHANZHI_PROCESSES: '2',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const stderr: string[] = [];
    child.stderr.on('data', (chunk) => stderr.push(String(chunk)));
    const primary = child.pid as number;
    try {
      let url: string | undefined;
      const printed: string[] = [];
      for await (const line of createInterface({ input: child.stdout })) {
        printed.push(line);
        url ??= /已启动 \(server started\): (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
        if (url && line.includes('Ctrl+C')) break;
      }
      expect(url, `output:\n${printed.join('\n')}\n${stderr.join('')}`).toBeDefined();
      // The demo was loaded once, by the primary: one banner, one set of logins.
      expect(printed.filter((l) => l.includes('已启动'))).toHaveLength(1);
      const servers = childrenOf(primary);
      expect(servers).toHaveLength(2);

      const clerk = async () => {
        const res = await fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', connection: 'close' },
          body: JSON.stringify({ username: 'hefeng-banshi', password: DEMO_PASSWORD }),
        });
        expect(res.status, await res.clone().text()).toBe(200);
        return ((await res.json()) as { token: string }).token;
      };
      const post = (token: string, path: string, body: unknown) =>
        fetch(`${url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', connection: 'close' },
          body: JSON.stringify(body),
        });
      // A fresh connection per request spreads them over both processes; the same business key
      // again answers the first instance, whichever process committed it.
      const start = async (token: string, i: number) => {
        const res = await post(token, '/api/process-instances', {
          definitionKey: 'key_matter',
          orgUnit: '/nanhai/lishui/hefeng/',
          businessKey: `HF-CLUSTER-${i}`,
          variables: { village: '鹤峰村', town: '里水镇', matterNo: `HF-CLUSTER-${i}`, matter: `鹤峰村路灯维修 ${i}` },
        });
        return { status: res.status, id: ((await res.json()) as { id: string }).id };
      };
      const token = await clerk();
      const first = await Promise.all([0, 1, 2, 3].map((i) => start(token, i)));
      expect(first.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      const second = await Promise.all([0, 1, 2, 3].map((i) => start(token, i)));
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
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code, `a graceful stop exits 0\n${stderr.join('')}`).toBe(0);
      expect(childrenOf(primary)).toEqual([]);
    }
  }, 90_000);
});
