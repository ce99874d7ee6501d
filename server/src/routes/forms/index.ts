import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Form, FormDefinitionError, type Lang, validateSubmission } from '@shanzhi/forms';
import type { FormRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { languageOf } from '../../errors/language.ts';
import { ApiError, invalidRequest } from '../../errors.ts';
import { assertCan, canSeeDefinition, principal } from '../../plugins/tenancy.ts';
import { formDefinitionInvalid } from '../../runtime/deployRefusal.ts';
import { errors } from '../common.ts';
import { defineCached } from './formCache.ts';
import { DeployFormBody, FormDetail, FormListQuery, FormParams, FormSummary, ValidateBody, ValidateResult } from './schemas.ts';
import { formSummary } from './view.ts';

/**
 * Form definitions: deploy a version at a unit, list and fetch them; and validate a submission
 * against a definition sent with it, the way a task completion does (the designer's live preview,
 * clients checking before they submit), which reads and writes no record.
 */
const formRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/forms',
    {
      schema: {
        tags: ['forms'],
        summary: 'Deploy a form definition at a unit as its next version; problems answer 400 SZ_FORM_DEFINITION_INVALID',
        body: DeployFormBody,
        response: { 201: FormSummary, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const { unit, form } = request.body;
      assertCan(p, 'definition:deploy', unit, 'unit');
      if (!(await app.store.units.byPath(unit))) throw new ApiError('SZ_UNIT_NOT_FOUND', { unit });
      const problems = app.runtime.forms.problems(form, languageOf(request.headers['accept-language']));
      if (problems.length > 0) throw formDefinitionInvalid(problems);
      const { record } = await app.runtime.forms.deploy(form, { unitPath: unit, deployedBy: p.id, now: app.clock.now() });
      request.log.info({ formId: record.id, key: record.key, version: record.version }, 'form deployed');
      return reply.status(201).send(formSummary(record));
    },
  );

  app.get(
    '/forms',
    {
      schema: {
        tags: ['forms'],
        summary: 'Form definitions in your units and above them, every version',
        querystring: FormListQuery,
        response: { 200: Type.Object({ items: Type.Array(FormSummary) }), ...errors(401) },
      },
    },
    async (request) => {
      const p = principal(request);
      const key = request.query.key;
      const items = new Map<string, FormRecord>();
      for (const f of await app.store.forms.list(p.reach, key)) items.set(f.id, f);
      // And those deployed above (the town's, for a village), which its procedures show.
      for (const unit of p.reach) for (const f of await app.store.forms.visibleAt(unit, key)) items.set(f.id, f);
      return {
        items: [...items.values()]
          .sort((a, b) => a.unitPath.localeCompare(b.unitPath) || a.key.localeCompare(b.key) || a.version - b.version)
          .map(formSummary),
      };
    },
  );

  app.get(
    '/forms/:id',
    {
      schema: {
        tags: ['forms'],
        summary: 'A form definition with its schema',
        params: FormParams,
        response: { 200: FormDetail, ...errors(401, 404) },
      },
    },
    async (request) => {
      const f = await app.store.forms.byId(request.params.id);
      if (!f || !canSeeDefinition(principal(request), f.unitPath)) throw new ApiError('SZ_FORM_NOT_FOUND');
      return { ...formSummary(f), schema: f.schema, ...(f.uiSchema ? { uiSchema: f.uiSchema } : {}) };
    },
  );

  app.post(
    '/forms/validate',
    {
      schema: {
        tags: ['forms'],
        summary: 'Validate data against a form and a step’s field rules; errors name each field in zh-CN or en',
        body: ValidateBody,
        response: { 200: ValidateResult, ...errors(400, 401) },
      },
    },
    async (request) => {
      const { form: definition, data, rules, previous, lang } = request.body;
      const form = define(definition, lang ?? languageOf(request.headers['accept-language']));
      const result = validateSubmission(form, rules, data, { ...(lang ? { lang } : {}), ...(previous ? { previous } : {}) });
      return result.ok ? { ok: true, errors: [] } : { ok: false, errors: [...result.errors] };
    },
  );
};

/** A definition with problems is a bad request: 400 SZ_VALIDATION, each problem at its body path, worded in `lang`. */
function define(definition: unknown, lang: Lang): Form {
  try {
    return defineCached(definition, lang);
  } catch (error) {
    if (!(error instanceof FormDefinitionError)) throw error;
    const [first, ...rest] = error.problems.map((p) => ({ field: bodyPath(p.path), message: p.message, rule: p.code }));
    if (!first) throw error;
    throw invalidRequest([first, ...rest]);
  }
}

/** `/schema/properties/a~1b` → `body.form.schema.properties.a/b`, the way SZ_VALIDATION names fields. */
function bodyPath(pointer: string): string {
  return [
    'body',
    'form',
    ...pointer
      .split('/')
      .slice(1)
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~')),
  ].join('.');
}

export default formRoutes;
