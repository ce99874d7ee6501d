import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Form, FormDefinitionError, type Lang, validateSubmission } from '@shanzhi/forms';
import { languageOf } from '../../errors/language.ts';
import { invalidRequest } from '../../errors.ts';
import { errors } from '../common.ts';
import { defineCached } from './formCache.ts';
import { ValidateBody, ValidateResult } from './schemas.ts';

/**
 * Validate a submission against a form definition sent with it, the way a task completion will:
 * the designer's live preview and clients checking before they submit. It reads and writes no
 * record, so any signed-in user may call it (the auth plugin refuses anonymous calls). Stored,
 * versioned forms come later; this route takes the definition in the body.
 */
const formRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
