import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { feelProblems } from '@shanzhi/engine';
import { Type } from '@sinclair/typebox';
import { errors } from '../common.ts';

const CheckBody = Type.Object(
  {
    expression: Type.String({
      maxLength: 64 * 1024,
      description: "A FEEL text as a model holds it (a condition, a script, a members list); a leading '=' is allowed",
    }),
    kind: Type.Optional(Type.Literal('expression', { description: 'What the text is; only FEEL expressions today' })),
  },
  { additionalProperties: false },
);

const CheckResult = Type.Object({
  valid: Type.Boolean(),
  problems: Type.Array(
    Type.Object({
      rule: Type.String({ description: 'feel-syntax, juel-expression, …: the rule deploy would report' }),
      message: Type.String({ description: 'What is wrong and at which column' }),
    }),
  ),
});

/** The designer checks each FEEL field as it is typed, with the checks deploy runs; nothing is evaluated or stored. */
const feelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/feel/check',
    {
      schema: {
        tags: ['definitions'],
        summary: 'Check a FEEL expression as deploy would, without deploying',
        body: CheckBody,
        response: { 200: CheckResult, ...errors(400, 401) },
      },
    },
    async (request) => {
      const problems = [...feelProblems(request.body.expression)];
      return { valid: problems.length === 0, problems };
    },
  );
};

export default feelRoutes;
