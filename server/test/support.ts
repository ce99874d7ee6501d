import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processXml } from '@shanzhi/engine/testing';
import type { Role, Store } from '@shanzhi/store';
import { createSqliteStore } from '@shanzhi/store/sqlite';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { type AppOptions, buildApp } from '../src/app.ts';
import { hashPassword } from '../src/auth/password.ts';
import type { Clock } from '../src/clock.ts';

export { flow, processXml, when } from '@shanzhi/engine/testing';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A clock the test moves. */
export class TestClock implements Clock {
  constructor(public t = Date.UTC(2026, 0, 5, 1, 0, 0)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** Ids unique across the apps of one test (a restart keeps the file), readable in failures. */
export function idGenerator(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${(++n).toString().padStart(4, '0')}`;
}

export const UNITS = {
  nanhai: '/nanhai/',
  lishui: '/nanhai/lishui/',
  hefeng: '/nanhai/lishui/hefeng/',
  honggang: '/nanhai/lishui/honggang/',
  dali: '/nanhai/dali/',
} as const;

/** The demo people: clerks of 鹤峰村 and 宏岗村, 里水镇 staff, an admin, an auditor, a 大沥镇 admin. */
export const PEOPLE: Record<string, { name: string; grants: [Role, string][] }> = {
  admin: {
    name: '里水镇管理员',
    grants: [
      ['town-admin', UNITS.lishui],
      ['designer', UNITS.lishui],
    ],
  },
  hefeng: { name: '鹤峰村办事员', grants: [['clerk', UNITS.hefeng]] },
  honggang: { name: '宏岗村办事员', grants: [['clerk', UNITS.honggang]] },
  town: {
    name: '里水镇干部',
    grants: [
      ['clerk', UNITS.lishui],
      ['approver', UNITS.lishui],
    ],
  },
  auditor: { name: '南海区审计', grants: [['auditor', UNITS.nanhai]] },
  daliAdmin: {
    name: '大沥镇管理员',
    grants: [
      ['town-admin', UNITS.dali],
      ['designer', UNITS.dali],
    ],
  },
};

export const PASSWORD = 'correct horse battery';

export interface TestEnv {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly clock: TestClock;
  readonly file: string;
  readonly dir: string;
  /** Logs in as one of PEOPLE and returns a request helper with their token. */
  as(person: keyof typeof PEOPLE): Promise<Client>;
  userId(person: keyof typeof PEOPLE): string;
  close(): Promise<void>;
}

export interface Client {
  readonly token: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
}

export interface EnvOptions {
  /** Reuse a database file (a restart). */
  readonly dir?: string;
  readonly clock?: TestClock;
  readonly idPrefix?: string;
  readonly seed?: boolean;
  readonly app?: Partial<AppOptions>;
  /** Wraps the store the app uses (to interpose on commits). */
  readonly wrapStore?: (store: Store) => Store;
}

/** A fresh app on a temp SQLite file (or on `dir`'s file after a restart), seeded with the demo tree and people. */
export async function testEnv(options: EnvOptions = {}): Promise<TestEnv> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'shanzhi-server-'));
  const file = join(dir, 'shanzhi.db');
  const sqlite = createSqliteStore({ file, synchronous: 'NORMAL' });
  const store = options.wrapStore ? options.wrapStore(sqlite) : sqlite;
  const clock = options.clock ?? new TestClock();
  const app = await buildApp({
    store,
    jwtSecret: 'test-secret-test-secret',
    clock,
    newId: idGenerator(options.idPrefix ?? 'a'),
    ...options.app,
  });
  await app.ready();
  const ids: Record<string, string> = {};
  if (options.seed !== false) await seed(store, ids);
  else for (const person of Object.keys(PEOPLE)) ids[person] = (await store.users.byUsername(person))?.id ?? person;
  const env: TestEnv = {
    app,
    store,
    clock,
    file,
    dir,
    userId: (person) => ids[person] as string,
    async as(person) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: person, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login as ${person}: ${res.statusCode} ${res.body}`);
      return client(app, res.json<{ token: string }>().token);
    },
    async close() {
      await app.close();
    },
  };
  return env;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A fresh environment (testEnv(options)) for each test of the enclosing describe, closed and its
 * folder removed after the test. The value returned stands for the environment of the test that
 * is running.
 */
export function useTestEnv(options: EnvOptions = {}): TestEnv {
  let current: TestEnv | undefined;
  beforeEach(async () => {
    current = await testEnv(options);
  });
  afterEach(async () => {
    if (current === undefined) return;
    await current.close();
    removeDir(current.dir);
    current = undefined;
  });
  return new Proxy({} as TestEnv, {
    get(_target, key) {
      if (current === undefined) throw new Error('the test environment exists only while a test runs');
      return Reflect.get(current, key);
    },
  });
}

/** Requests with the token; `headers` adds to them (Accept-Language, say). */
export function client(app: FastifyInstance, token: string): Client {
  const auth = { authorization: `Bearer ${token}` };
  return {
    token,
    get: (url, headers) => app.inject({ method: 'GET', url, headers: { ...auth, ...headers } }),
    post: (url, body, headers) =>
      app.inject({ method: 'POST', url, headers: { ...auth, ...headers }, ...(body === undefined ? {} : { payload: body as object }) }),
    put: (url, body) => app.inject({ method: 'PUT', url, headers: auth, payload: body as object }),
  };
}

const UNIT_NAMES: [string, string, 'district' | 'town' | 'village'][] = [
  [UNITS.nanhai, '南海区', 'district'],
  [UNITS.lishui, '里水镇', 'town'],
  [UNITS.hefeng, '鹤峰村', 'village'],
  [UNITS.honggang, '宏岗村', 'village'],
  [UNITS.dali, '大沥镇', 'town'],
];

async function seed(store: Store, ids: Record<string, string>): Promise<void> {
  for (const [path, name, kind] of UNIT_NAMES) await store.units.put({ id: `unit${path.replaceAll('/', '-')}`, path, name, kind });
  // Cheap scrypt parameters: the hash carries them, so login checks them as they are.
  const passwordHash = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  for (const [username, person] of Object.entries(PEOPLE)) {
    const id = `user-${username}`;
    ids[username] = id;
    await store.users.create({ id, username, displayName: person.name, passwordHash, disabled: false, createdAt: 0 });
    for (const [role, unitPath] of person.grants) await store.users.grant({ userId: id, role, unitPath });
  }
}

/** A process with one user task offered to the clerks of the instance's unit. */
export const REVIEW = processXml(
  'review',
  `<startEvent id="start"/>
   <userTask id="check" name="材料审核"><extensionElements><sz:assignment candidateGroups="clerk"/></extensionElements></userTask>
   <endEvent id="end"/>
   <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
   <sequenceFlow id="f2" sourceRef="check" targetRef="end"/>`,
);

/** POST /api/deployments as the designer's file upload: the unit as a field, the XML as a file. */
export function uploadModel(app: FastifyInstance, token: string, xml: string, unit: string): Promise<LightMyRequestResponse> {
  const boundary = '----shanzhi';
  const payload = [
    `--${boundary}\r\nContent-Disposition: form-data; name="unit"\r\n\r\n${unit}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="xml"; filename="model.bpmn"\r\nContent-Type: application/xml\r\n\r\n${xml}\r\n`,
    `--${boundary}--\r\n`,
  ].join('');
  return app.inject({
    method: 'POST',
    url: '/api/deployments',
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** Deploys XML at a unit as the town admin; returns the definition. */
export async function deploy(
  env: TestEnv,
  xml: string,
  unit: string = UNITS.lishui,
): Promise<{ id: string; key: string; version: number }> {
  const admin = await env.as('admin');
  const res = await admin.post('/api/deployments', { xml, unit });
  if (res.statusCode !== 201) throw new Error(`deploy: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** What a villager answers to the board's sum (GET /api/public/challenge), as the objection form sends it. */
export async function answeredChallenge(app: FastifyInstance, answer?: (a: number, b: number) => string) {
  const { token, question } = (await app.inject({ method: 'GET', url: '/api/public/challenge' })).json<{
    token: string;
    question: string;
  }>();
  const [a, b] = (question.match(/\d+/g) ?? []).map(Number) as [number, number];
  return { token, answer: answer ? answer(a, b) : String(a + b) };
}

/** One file as a multipart/form-data body, the way a browser uploads it. */
export function multipart(field: string, fileName: string, contentType: string, content: Buffer) {
  const boundary = '----shanzhi-test';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  return { boundary, payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}
