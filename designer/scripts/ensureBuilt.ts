/**
 * Builds the web app when its build is missing or older than its sources (this app, the client,
 * the forms package), so `pnpm start` and the browser tests serve what the checkout holds
 * without paying for a build on every start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const designer = join(import.meta.dirname, '..');
const sources = [
  join(designer, 'src'),
  join(designer, 'public'),
  join(designer, 'index.html'),
  join(designer, 'vite.config.ts'),
  join(designer, 'package.json'),
  join(designer, '../packages/client/src'),
  join(designer, '../packages/forms/src'),
];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const built = join(designer, 'dist', 'index.html');
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
if (builtAt < Math.max(...sources.map(newest))) {
  process.stdout.write('构建网页应用 (building the web app)…\n');
  const result = spawnSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], { cwd: designer, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
