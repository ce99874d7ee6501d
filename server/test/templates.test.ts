import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES_DIR } from '../src/config.ts';
import { removeDir, type TestEnv, testEnv, UNITS } from './support.ts';

/** A library folder of its own holding a copy of key-matters, to change as a release would. */
function library(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shanzhi-library-'));
  cpSync(join(DEFAULT_TEMPLATES_DIR, 'key-matters'), join(dir, 'key-matters'), { recursive: true });
  return dir;
}

describe('the template library', () => {
  const opened: TestEnv[] = [];
  afterEach(async () => {
    for (const env of opened.splice(0)) {
      await env.close();
      removeDir(env.dir);
    }
  });
  const open = async (templatesDir: string, dir?: string) => {
    const env = await testEnv({ app: { templatesDir }, ...(dir ? { dir, seed: false, idPrefix: 'b' } : {}) });
    opened.push(env);
    return env;
  };

  it('is imported at start; a folder changed without a new version keeps the version stored, and the server still starts', async () => {
    const folder = library();
    const first = await open(folder);
    const admin = await first.as('admin');
    expect((await admin.get('/api/templates')).json().items).toEqual([expect.objectContaining({ id: 'key-matters', versions: ['1.0.0'] })]);
    await first.close();
    opened.pop();

    writeFileSync(join(folder, 'key-matters', 'README.md'), '# changed without a new version\n');
    const again = await open(folder, first.dir);
    const detail = (await (await again.as('admin')).get('/api/templates/key-matters/versions/1.0.0')).json<{ readme: string }>();
    expect(detail.readme).not.toContain('changed without a new version');
    removeDir(folder);
  });

  it('takes a new version from a designer, refusing a package that is no template with what is wrong, and a clerk’s', async () => {
    const env = await open(library());
    const admin = await env.as('admin');
    const pkg = (await admin.get('/api/templates/key-matters/versions/1.0.0')).json<
      Record<string, unknown> & { manifest: Record<string, unknown> }
    >();
    const broken = await admin.post('/api/templates', { ...pkg, manifest: { ...pkg.manifest, version: '1.1' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({
      code: 'SZ_TEMPLATE_INVALID',
      details: { problems: [expect.objectContaining({ path: 'manifest/version' })] },
    });
    expect((await (await env.as('hefeng')).post('/api/templates', pkg)).json().code).toBe('SZ_FORBIDDEN');
    const changed = await admin.post('/api/templates', { ...pkg, readme: 'another text under the same version' });
    expect(changed.json()).toMatchObject({ code: 'SZ_TEMPLATE_VERSION_EXISTS', message: expect.stringContaining('新的版本号') });
    const next = await admin.post('/api/templates', { ...pkg, manifest: { ...pkg.manifest, version: '1.1.0' } });
    expect(next.json()).toMatchObject({ id: 'key-matters', version: '1.1.0', versions: ['1.0.0', '1.1.0'] });
    const published = await admin.post('/api/templates/key-matters/versions/1.1.0/publications', {
      unit: UNITS.lishui,
      bounds: { postingDays: { minimum: 3 } },
    });
    expect(published.json()).toMatchObject({
      code: 'SZ_TEMPLATE_INVALID',
      details: { problems: [expect.objectContaining({ code: 'bound-looser' })] },
    });
  });
});
