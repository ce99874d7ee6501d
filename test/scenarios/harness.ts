import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@shanzhi/store/sqlite';
import type { TemplatePackage } from '@shanzhi/template-kit';
import { readTemplateFolder } from '@shanzhi/template-kit/folder';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/src/app.ts';
import { hashPassword } from '../../server/src/auth/password.ts';
import { DEFAULT_TEMPLATES_DIR } from '../../server/src/config.ts';
import { DEMO_PASSWORD } from '../../server/src/demo/data.ts';
import { loadDemo } from '../../server/src/demo/load.ts';
import { answeredChallenge, idGenerator, multipart, TestClock } from '../../server/test/support.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Task {
  readonly id: string;
  readonly name: string;
  readonly elementId: string;
  readonly instanceId: string;
}

export interface Adoption {
  id: string;
  revision: number;
  publicationId: string;
  version: string;
  definitionId: string;
  overlay: { parameters?: Record<string, unknown> };
  deployments: { definitionId: string }[];
}

/** The unit's adoption of a template, as its admin reads it. */
export async function adoptionAt(who: Person, unit: string, templateId: string): Promise<Adoption> {
  const items = (await who.get(`/api/adoptions?unit=${encodeURIComponent(unit)}`)).json<{ items: (Adoption & { templateId: string })[] }>()
    .items;
  const found = items.find((a) => a.templateId === templateId);
  if (!found) throw new Error(`${unit} has not adopted ${templateId}`);
  return found;
}

// biome-ignore lint/suspicious/noExplicitAny: a release edits the package's JSON as freely as its author would
export type EditablePackage = { -readonly [K in keyof TemplatePackage]: any };

/**
 * A new version of a library template as a town would receive it: 里水镇's designer uploads the
 * shipped package with `edit` applied under `version`, and the town administrator publishes it to
 * its villages; the publication's id.
 */
export async function releaseVersion(world: World, templateId: string, version: string, edit: (pkg: EditablePackage) => void) {
  const pkg = structuredClone(readTemplateFolder(`${DEFAULT_TEMPLATES_DIR}/${templateId}`)) as EditablePackage;
  pkg.manifest.version = version;
  edit(pkg);
  const uploaded = await (await world.as('lishui-sheji')).post('/api/templates', pkg);
  if (uploaded.statusCode !== 201) throw new Error(`${templateId} ${version} was not taken: ${uploaded.body}`);
  const published = await (await world.as('lishui-guanli')).post(`/api/templates/${templateId}/versions/${version}/publications`, {
    unit: '/nanhai/lishui/',
  });
  if (published.statusCode !== 201) throw new Error(`${templateId} ${version} was not published: ${published.body}`);
  return published.json<{ id: string }>().id;
}

/** The village admin upgrades the unit's adoption to the publication, with these decisions; the adoption after. */
export async function upgradeTo(admin: Person, unit: string, templateId: string, publicationId: string, decisions?: object) {
  const adoption = await adoptionAt(admin, unit, templateId);
  const upgraded = await admin.post(`/api/adoptions/${adoption.id}/upgrade`, {
    publicationId,
    revision: adoption.revision,
    ...(decisions ? { decisions } : {}),
  });
  if (upgraded.statusCode !== 200) throw new Error(`${unit} could not upgrade ${templateId}: ${upgraded.body}`);
  return upgraded.json<Adoption>();
}

/** One person at the API, signed in as a demo user. */
export interface Person {
  readonly username: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: object): Promise<LightMyRequestResponse>;
  put(url: string, payload: object): Promise<LightMyRequestResponse>;
  /** Uploads a file to a task, as the task page does; the attachment's id. */
  upload(taskId: string, fileName: string, contentType: string, content: Buffer): Promise<string>;
  /** Their open task of that step name in the instance, from their own inbox. */
  task(instanceId: string, name: string): Promise<Task>;
  /** Claims it when offered to a group, and submits the form as shown with these values filled in; the answer's status. */
  complete(instanceId: string, name: string, variables?: object): Promise<number>;
}

/**
 * The demo world (Nanhai's tree, its people, the towns' publications and the villages'
 * adoptions of the templates) on a fresh embedded store, with a clock the scenario moves. Every
 * act goes through the HTTP API as the person would do it; only time and the worker's round are
 * the test's.
 */
export interface World {
  readonly app: FastifyInstance;
  as(username: string): Promise<Person>;
  /** Time passes, and the server's workers take what became due (timers, deliveries). */
  pass(ms: number): Promise<void>;
  /** A villager's objection to a notice of the unit's board, the board's sum answered; the answer's status. */
  object(unitPath: string, noticeId: string, objection: { content: string; name?: string; phone?: string }): Promise<number>;
  /** The public board of a unit, as a villager reads it without an account. */
  board(
    unitPath: string,
  ): Promise<{ id: string; title: string; body: string; until: string; attachments?: { id: string; fileName: string }[] }[]>;
  close(): Promise<void>;
}

export async function demoWorld(): Promise<World> {
  const folder = mkdtempSync(join(tmpdir(), 'shanzhi-scenario-'));
  const store = createSqliteStore({ file: join(folder, 'db'), filesDir: join(folder, 'files'), synchronous: 'NORMAL' });
  const clock = new TestClock(Date.UTC(2026, 2, 2, 1, 0, 0));
  const app = await buildApp({
    store,
    jwtSecret: 'scenario-secret-scenario-secret',
    clock,
    newId: idGenerator('s'),
    templatesDir: DEFAULT_TEMPLATES_DIR,
  });
  await app.ready();
  await loadDemo({ store, runtime: app.runtime, clock, newId: app.newId, hashPassword: (p) => hashPassword(p, { N: 1024, r: 8, p: 1 }) });
  await app.runtime.workers.runDue();

  // Time passing ends sessions: each person signs in again on their next request after it.
  let era = 0;
  const as = async (username: string): Promise<Person> => {
    const signIn = async () => {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      if (login.statusCode !== 200) throw new Error(`${username} cannot sign in: ${login.body}`);
      return { era, headers: { authorization: `Bearer ${login.json<{ token: string }>().token}` } };
    };
    let session = await signIn();
    const headers = async () => {
      if (session.era !== era) session = await signIn();
      return session.headers;
    };
    const person: Person = {
      username,
      get: async (url) => app.inject({ method: 'GET', url, headers: await headers() }),
      post: async (url, payload = {}) => app.inject({ method: 'POST', url, headers: await headers(), payload }),
      put: async (url, payload) => app.inject({ method: 'PUT', url, headers: await headers(), payload }),
      async upload(taskId, fileName, contentType, content) {
        const { boundary, payload } = multipart('file', fileName, contentType, content);
        const res = await app.inject({
          method: 'POST',
          url: `/api/tasks/${taskId}/attachments`,
          headers: { ...(await headers()), 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload,
        });
        if (res.statusCode !== 201) throw new Error(`${username} could not upload ${fileName}: ${res.body}`);
        return res.json<{ id: string }>().id;
      },
      async task(instanceId, name) {
        // The server's workers run all the time: what they had to do before this step is done.
        await app.runtime.workers.runDue();
        const items = (await person.get('/api/tasks?status=open&limit=200')).json<{ items: Task[] }>().items;
        const found = items.find((t) => t.instanceId === instanceId && t.name === name);
        if (!found) throw new Error(`${username} has no task ${name} of ${instanceId}: ${items.map((t) => t.name).join(', ') || 'none'}`);
        return found;
      },
      async complete(instanceId, name, variables = {}) {
        const task = await person.task(instanceId, name);
        const detail = (await person.get(`/api/tasks/${task.id}`)).json<{ assignee?: string; actions?: string[] }>();
        if (detail.actions?.includes('claim')) await person.post(`/api/tasks/${task.id}/claim`);
        // As the browser does: the form as it is shown, with what the person filled in.
        const shown = (await person.get(`/api/tasks/${task.id}/form`)).json<{ values?: Record<string, unknown> }>().values ?? {};
        const done = await person.post(`/api/tasks/${task.id}/complete`, { variables: { ...shown, ...variables } });
        if (done.statusCode !== 200) throw new Error(`${username} could not complete ${name}: ${done.body}`);
        await app.runtime.workers.runDue();
        return done.statusCode;
      },
    };
    return person;
  };

  return {
    app,
    as,
    async pass(ms) {
      clock.advance(ms);
      era++;
      await app.runtime.workers.runDue();
    },
    async object(unitPath, noticeId, objection) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/public/units/${encodeURIComponent(unitPath)}/notices/${noticeId}/objections`,
        payload: { ...objection, challenge: await answeredChallenge(app) },
      });
      await app.runtime.workers.runDue();
      return res.statusCode;
    },
    async board(unitPath) {
      const res = await app.inject({ method: 'GET', url: `/api/public/units/${encodeURIComponent(unitPath)}/notices` });
      return res.json<{
        items: { id: string; title: string; body: string; until: string; attachments?: { id: string; fileName: string }[] }[];
      }>().items;
    },
    async close() {
      await app.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
