import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Lang } from '@shanzhi/forms';
import type { RegisterEntryRecord, RegisterRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { fieldText } from '../../errors/fieldProblems.ts';
import { languageOf } from '../../errors/language.ts';
import { ApiError, invalidRequest } from '../../errors.ts';
import { assertCan, assertSee, can, type Principal, principal } from '../../plugins/tenancy.ts';
import { summarise } from '../../runtime/registers/summary.ts';
import { errors, iso, page } from '../common.ts';
import { masked, personalFieldsOf } from '../instances/personal.ts';
import { userNames } from '../userNames.ts';
import {
  EntriesQuery,
  EntryBody,
  EntryParams,
  EntryUpdateBody,
  EntryView,
  EntryWithHistory,
  RegisterFormView,
  RegisterParams,
  RegistersQuery,
  RegisterView,
  RetireBody,
  SummaryQuery,
  SummaryRowView,
  UnitQuery,
} from './schemas.ts';

const registerView = (r: RegisterRecord, lang: Lang, p: Principal) => ({
  unitPath: r.unitPath,
  id: r.id,
  name: r.name[lang],
  formKey: r.formKey,
  keyField: r.keyField,
  declaredBy: r.declaredBy,
  writable: can(p, 'register:write', r.unitPath),
  masked: !can(p, 'personal:read', r.unitPath),
});

/**
 * The registers a unit keeps (台账: rental houses and tenants, covenant clauses, restrictions,
 * pairings): what procedures wrote there and what staff keep by hand, every revision kept. Each
 * entry is checked against the register's form; identity and mobile numbers are shown whole only
 * to the village staff who keep the register (personal:read), masked to everyone else.
 */
const registerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The register at the unit, when the user reaches the unit; 404 otherwise. */
  const registerAt = async (p: Principal, unit: string, id: string) => {
    assertSee(p, unit, 'register');
    const register = await app.runtime.registers.register(unit, id);
    if (!register) throw new ApiError('SZ_NOT_FOUND/register');
    return register;
  };
  const entryOf = async (register: RegisterRecord, key: string) => {
    const entry = await app.store.registers.entry(register.unitPath, register.id, key);
    if (!entry) throw new ApiError('SZ_NOT_FOUND/entry');
    return entry;
  };

  app.get(
    '/registers',
    {
      schema: {
        tags: ['registers'],
        summary: 'The registers kept at your units (or at one of them), by unit',
        querystring: RegistersQuery,
        response: { 200: Type.Object({ items: Type.Array(RegisterView) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const { unit } = request.query;
      if (unit !== undefined) assertSee(p, unit, 'unit');
      const kept = await app.store.registers.within(unit === undefined ? p.reach : [unit]);
      const lang = languageOf(request.headers['accept-language']);
      return { items: kept.filter((r) => unit === undefined || r.unitPath === unit).map((r) => registerView(r, lang, p)) };
    },
  );

  app.get(
    '/registers/:register/form',
    {
      schema: {
        tags: ['registers'],
        summary: 'The form of an entry as it stands at the unit (the newest version deployed there or above)',
        params: RegisterParams,
        querystring: UnitQuery,
        response: { 200: RegisterFormView, ...errors(401, 404) },
      },
    },
    async (request) => {
      const register = await registerAt(principal(request), request.query.unit, request.params.register);
      const { record } = await app.runtime.registers.form(register);
      return {
        key: record.key,
        version: record.version,
        title: record.title,
        keyField: register.keyField,
        schema: record.schema,
        ...(record.uiSchema ? { uiSchema: record.uiSchema } : {}),
      };
    },
  );

  app.get(
    '/registers/:register/summary',
    {
      schema: {
        tags: ['registers'],
        summary: 'A register added up across the units at and below one (a town’s villages): per unit and group, entries, totals, trues',
        params: RegisterParams,
        querystring: SummaryQuery,
        response: { 200: Type.Object({ items: Type.Array(SummaryRowView) }), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const { unit, by } = request.query;
      assertSee(p, unit, 'unit');
      const kept = (await app.store.registers.within([unit])).filter((r) => r.id === request.params.register);
      if (kept.length === 0) throw new ApiError('SZ_NOT_FOUND/register');
      const wanted = { ...(by === undefined ? {} : { by }), sum: listOf(request.query.sum), count: listOf(request.query.count) };
      const items = [];
      for (const register of kept) {
        const { schema } = (await app.runtime.registers.form(register)).record;
        assertSummable(schema, wanted, register.id);
        const rows = summarise(register.unitPath, await app.runtime.registers.all(register), wanted);
        // Grouped by a personal field (an identity number), the groups are what would be masked.
        const mask = by === undefined || can(p, 'personal:read', register.unitPath) ? undefined : personalFieldsOf(schema).get(by);
        items.push(...rows.map((r) => (mask && typeof r.group === 'string' ? { ...r, group: mask(r.group) } : r)));
      }
      return { items };
    },
  );

  app.get(
    '/registers/:register/entries',
    {
      schema: {
        tags: ['registers'],
        summary: 'A register’s entries in key order, a page at a time',
        params: RegisterParams,
        querystring: EntriesQuery,
        response: { 200: page(EntryView), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const { unit, retired, limit, cursor } = request.query;
      const register = await registerAt(p, unit, request.params.register);
      const found = await app.store.registers.entries({
        unitPath: unit,
        register: register.id,
        limit: limit ?? 100,
        ...(retired ? { retired } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return { items: await views(app, p, register, found.items), ...(found.next ? { next: found.next } : {}) };
    },
  );

  app.get(
    '/registers/:register/entries/:key',
    {
      schema: {
        tags: ['registers'],
        summary: 'One entry and its history, newest first',
        params: EntryParams,
        querystring: UnitQuery,
        response: { 200: EntryWithHistory, ...errors(401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const register = await registerAt(p, request.query.unit, request.params.register);
      const entry = await entryOf(register, request.params.key);
      const history = await app.store.registers.history(register.unitPath, register.id, entry.key);
      const [shown, ...rest] = await views(app, p, register, [entry, ...history]);
      return { entry: shown!, history: rest };
    },
  );

  app.post(
    '/registers/:register/entries',
    {
      schema: {
        tags: ['registers'],
        summary: 'Add an entry: its key is the value of the register’s key field; one there already answers 409',
        params: RegisterParams,
        body: EntryBody,
        response: { 201: EntryView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const { unit, data, note } = request.body;
      const register = await registerAt(p, unit, request.params.register);
      assertCan(p, 'register:write', unit, 'register');
      const lang = languageOf(request.headers['accept-language']);
      const entry = await app.runtime.registers.put(register, data, writer(p, app, note), { revision: null }, lang);
      return reply.status(201).send(await view(app, p, register, entry));
    },
  );

  app.put(
    '/registers/:register/entries/:key',
    {
      schema: {
        tags: ['registers'],
        summary: 'Write the entry’s next revision over the one you read (a retired entry comes back)',
        params: EntryParams,
        body: EntryUpdateBody,
        response: { 200: EntryView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const { unit, data, revision, note } = request.body;
      const register = await registerAt(p, unit, request.params.register);
      assertCan(p, 'register:write', unit, 'register');
      await entryOf(register, request.params.key);
      const lang = languageOf(request.headers['accept-language']);
      const expected = { key: request.params.key, revision };
      const entry = await app.runtime.registers.put(register, data, writer(p, app, note), expected, lang);
      return view(app, p, register, entry);
    },
  );

  app.post(
    '/registers/:register/entries/:key/retire',
    {
      schema: {
        tags: ['registers'],
        summary: 'Take an entry off the register (a house demolished, a clause deleted); its history stays',
        params: EntryParams,
        body: RetireBody,
        response: { 200: EntryView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const { unit, revision, note } = request.body;
      const register = await registerAt(p, unit, request.params.register);
      assertCan(p, 'register:write', unit, 'register');
      const entry = await entryOf(register, request.params.key);
      const retired = await app.runtime.registers.retire(entry, writer(p, app, note), revision);
      return view(app, p, register, retired);
    },
  );
};

const listOf = (fields: string | undefined): string[] => (fields ? fields.split(',') : []);

/** Totals only of number fields, counts only of boolean ones, groups only by a field the register's form has. */
function assertSummable(
  schema: Readonly<Record<string, unknown>>,
  wanted: { by?: string; sum: string[]; count: string[] },
  register: string,
) {
  const properties = (schema.properties ?? {}) as Record<string, { type?: unknown }>;
  const wrong = (param: 'by' | 'sum' | 'count', field: string) => {
    const key = param === 'by' ? 'summaryBy' : param === 'sum' ? 'summarySum' : 'summaryCount';
    return invalidRequest([{ field: `querystring.${param}`, message: fieldText(key, { field, register }) }]);
  };
  if (wanted.by !== undefined && !properties[wanted.by]) throw wrong('by', wanted.by);
  for (const f of wanted.sum) if (!['number', 'integer'].includes(String(properties[f]?.type))) throw wrong('sum', f);
  for (const f of wanted.count) if (properties[f]?.type !== 'boolean') throw wrong('count', f);
}

const writer = (p: Principal, app: FastifyInstance, note: string | undefined) => ({
  by: p.id,
  at: app.clock.now(),
  ...(note === undefined ? {} : { note }),
});

async function view(app: FastifyInstance, p: Principal, register: RegisterRecord, entry: RegisterEntryRecord) {
  const [shown] = await views(app, p, register, [entry]);
  return shown!;
}

/** Entries as the user may see them: personal fields of the register's form masked unless they keep it. */
async function views(app: FastifyInstance, p: Principal, register: RegisterRecord, entries: readonly RegisterEntryRecord[]) {
  const mask = can(p, 'personal:read', register.unitPath)
    ? new Map()
    : personalFieldsOf((await app.runtime.registers.form(register)).record.schema);
  const names = await userNames(
    app,
    entries.map((e) => e.by),
  );
  return entries.map((e) => ({
    key: e.key,
    revision: e.revision,
    data: masked(e.data, mask),
    retired: e.retired ?? false,
    at: iso(e.at) as string,
    by: e.by,
    ...(names.has(e.by) ? { byName: names.get(e.by) } : {}),
    ...(e.instanceId === undefined ? {} : { instanceId: e.instanceId }),
    ...(e.note === undefined ? {} : { note: e.note }),
    masked: mask.size > 0,
  }));
}

export default registerRoutes;
