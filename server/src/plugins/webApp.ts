import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

export interface WebAppOptions {
  /** The built single-page app (designer/dist): index.html and assets/. */
  readonly root: string;
}

/** Paths the server answers itself; a miss there is the API's JSON 404, never the app's page. */
const SERVER_PREFIXES = ['/api/', '/docs', '/health', '/ready', '/metrics'];

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>善治 Shanzhi</title>
<p>网页应用尚未构建：请运行 <code>pnpm build:web</code>，或直接用 <code>pnpm start</code> 启动。</p>
<p>The web app is not built: run <code>pnpm build:web</code>, or start with <code>pnpm start</code>.</p>`;

/**
 * Serves the web app at `/` with a history fallback: a file of the build when the path names
 * one, otherwise index.html, so `/tasks/42` opened from a bookmark reaches the app's router.
 * Hashed assets are cached for good; index.html never, so a new build shows on the next load.
 */
const webApp: FastifyPluginAsync<WebAppOptions> = async (app, options) => {
  const built = existsSync(join(options.root, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: options.root, serve: false });
  else app.log.warn({ root: options.root }, 'web app not built: / explains how to build it');

  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (SERVER_PREFIXES.some((p) => path.startsWith(p))) return reply.callNotFound();
    if (!built) return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    const file = buildFile(options.root, path);
    if (file) {
      const immutable = file.startsWith('assets/');
      return reply.sendFile(file, { immutable, maxAge: immutable ? '365d' : 0 });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
};

/** The build's file a path names, relative to the root; none for anything outside it or not a file. */
function buildFile(root: string, path: string): string | undefined {
  const relative = normalize(path)
    .replace(/^(\.\.(\/|\\|$))+/, '')
    .replace(/^[/\\]+/, '');
  if (relative === '' || relative.split(/[/\\]/).includes('..')) return undefined;
  const full = join(root, relative);
  return existsSync(full) && statSync(full).isFile() ? relative : undefined;
}

export default webApp;
