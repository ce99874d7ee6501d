import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAX_XML_BYTES } from '@shanzhi/engine';
import type { DefinitionRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { languageOf } from '../../errors/language.ts';
import { ApiError, invalidRequest } from '../../errors.ts';
import { assertCan, canSeeDefinition, principal, reachFor } from '../../plugins/tenancy.ts';
import { type CheckResult, startableByHand } from '../../runtime/definitions.ts';
import { deployRefusal } from '../../runtime/deployRefusal.ts';
import { errors, iso } from '../common.ts';
import { StepForm } from '../forms/schemas.ts';
import { formSummary, stepFormView } from '../forms/view.ts';
import { Definition, DefinitionParams, DeployBody, Deployed, DeployQuery, DeployReport, ListQuery, MAX_DEPLOYED_FORMS } from './schemas.ts';

function definitionView(d: DefinitionRecord) {
  return {
    id: d.id,
    key: d.key,
    version: d.version,
    unitPath: d.unitPath,
    deployedAt: iso(d.deployedAt) as string,
    deployedBy: d.deployedBy,
    ...(d.name ? { name: d.name } : {}),
    ...(d.forms ? { forms: { ...d.forms } } : {}),
    ...(d.note ? { note: d.note } : {}),
  };
}

/** A dry run's answer: model problems as compile names them, form problems by form and path. */
function report(checked: CheckResult) {
  if (checked.ok) return { ok: true, problems: [] };
  const problems =
    checked.code === 'SZ_BPMN_INVALID'
      ? checked.problems.map((p) => ({ ...p }))
      : checked.problems.map(({ code, message, form, path }) => ({ rule: code, message, form, path }));
  return { ok: false, refusal: checked.code, problems };
}

/** A *.form.json file of a multipart deployment, as its JSON; text that is not JSON is refused naming the file. */
function formFile(fileName: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidRequest([{ field: `body.forms (${fileName})`, message: `is not JSON: ${(error as Error).message}` }]);
  }
}

/** Deploy BPMN (JSON or multipart), list definitions in reach, fetch one and its XML. */
const deploymentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Multipart here carries the XML as a file field, its text landing in body.xml like JSON's, and
  // forms as *.form.json file fields named forms, each landing in body.forms as its JSON.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_XML_BYTES, files: 1 + MAX_DEPLOYED_FORMS, fields: 4 },
    onFile: async (part) => {
      const text = (await part.toBuffer()).toString('utf8');
      (part as unknown as { value: unknown }).value = part.fieldname === 'forms' ? formFile(part.filename, text) : text;
    },
  });
  // One form file arrives as the value itself, several as a list: the schema wants the list.
  app.addHook('preValidation', async (request) => {
    const body = request.body as { forms?: unknown } | undefined;
    if (request.isMultipart() && body?.forms !== undefined && !Array.isArray(body.forms)) body.forms = [body.forms];
  });

  app.post(
    '/deployments',
    {
      bodyLimit: MAX_XML_BYTES + 8 * 1024 * 1024,
      schema: {
        tags: ['definitions'],
        summary:
          'Deploy a BPMN model at a unit, with the forms its steps show; model problems answer 400 SZ_BPMN_INVALID, form problems 400 SZ_FORM_DEFINITION_INVALID; with dryRun, 200 and what deploy would find',
        consumes: ['application/json', 'multipart/form-data'],
        querystring: DeployQuery,
        body: DeployBody,
        response: { 200: DeployReport, 201: Deployed, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const { xml, unit, forms, note } = request.body;
      assertCan(p, 'definition:deploy', unit, 'unit');
      if (!(await app.store.units.byPath(unit))) throw new ApiError('SZ_UNIT_NOT_FOUND', { unit });
      const input = {
        xml,
        ...(forms ? { forms } : {}),
        ...(note ? { note } : {}),
        unitPath: unit,
        deployedBy: p.id,
        now: app.clock.now(),
        id: app.newId(),
        lang: languageOf(request.headers['accept-language']),
      };
      if (request.query.dryRun) return reply.status(200).send(report(await app.runtime.definitions.check(input)));
      const result = await app.runtime.definitions.deploy(input);
      if (!result.ok) throw deployRefusal(result);
      request.log.info({ definitionId: result.definition.id, key: result.definition.key, version: result.definition.version }, 'deployed');
      return reply.status(201).send({ ...definitionView(result.definition), deployedForms: result.forms.map(formSummary) });
    },
  );

  app.get(
    '/process-definitions',
    {
      schema: {
        tags: ['definitions'],
        summary: 'Definitions in your units and above them, every version',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(Definition) }), ...errors(401) },
      },
    },
    async (request) => {
      const p = principal(request);
      const key = request.query.key;
      const items = new Map<string, DefinitionRecord>();
      for (const d of await app.store.definitions.list(p.reach, key)) items.set(d.id, d);
      // And those deployed above (the town's, for a village), which its instances run.
      for (const unit of p.reach) for (const d of await app.store.definitions.visibleAt(unit, key)) items.set(d.id, d);
      const sorted = [...items.values()].sort(
        (a, b) => a.unitPath.localeCompare(b.unitPath) || a.key.localeCompare(b.key) || a.version - b.version,
      );
      const views = [];
      for (const d of sorted) {
        const model = (await app.runtime.definitions.byId(d.id))?.model;
        views.push({ ...definitionView(d), startable: model !== undefined && startableByHand(model) });
      }
      return { items: views };
    },
  );

  app.get(
    '/process-definitions/:id',
    { schema: { tags: ['definitions'], params: DefinitionParams, response: { 200: Definition, ...errors(401, 404) } } },
    async (request) => definitionView(await visible(request.params.id, principal(request))),
  );

  app.get(
    '/process-definitions/:id/xml',
    {
      schema: {
        tags: ['definitions'],
        summary: 'The deployed BPMN XML',
        params: DefinitionParams,
        produces: ['application/xml'],
        response: { 200: Type.String(), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const d = await visible(request.params.id, principal(request));
      return reply.type('application/xml; charset=utf-8').send(d.xml);
    },
  );

  app.get(
    '/process-definitions/:id/start-form',
    {
      schema: {
        tags: ['definitions'],
        summary: 'The form whoever starts an instance by hand fills in; 404 SZ_FORM_NOT_FOUND when the procedure has none',
        params: DefinitionParams,
        response: { 200: StepForm, ...errors(401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const record = await visible(request.params.id, p);
      const definition = await app.runtime.definitions.byId(record.id);
      const form = definition && (await app.runtime.definitions.startFormOf(definition));
      if (!form) throw new ApiError('SZ_FORM_NOT_FOUND/start');
      return stepFormView(form, {}, reachFor(p, 'instance:start').length > 0);
    },
  );

  async function visible(id: string, p: ReturnType<typeof principal>): Promise<DefinitionRecord> {
    const d = await app.store.definitions.byId(id);
    if (!d || !(canSeeDefinition(p, d.unitPath) || (await offeredFrom(d, p)))) throw new ApiError('SZ_NOT_FOUND/definition');
    return d;
  }

  /** Whether one of the reader's open tasks runs on it: a town department reviewing a village's record sees its diagram. */
  async function offeredFrom(d: DefinitionRecord, p: ReturnType<typeof principal>): Promise<boolean> {
    const { items } = await app.store.tasks.inbox({
      userId: p.id,
      groups: p.groups,
      reach: ['/'],
      status: 'open',
      definitionKey: d.key,
      limit: 50,
    });
    for (const t of items) if ((await app.store.instances.byId(t.instanceId))?.definitionId === d.id) return true;
    return false;
  }
};

export default deploymentRoutes;
