import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAX_XML_BYTES } from '@shanzhi/engine';
import type { DefinitionRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { ApiError } from '../../errors.ts';
import { assertCan, canSeeDefinition, principal } from '../../plugins/tenancy.ts';
import { errors, iso } from '../common.ts';
import { Definition, DefinitionParams, DeployBody, ListQuery } from './schemas.ts';

function definitionView(d: DefinitionRecord) {
  return {
    id: d.id,
    key: d.key,
    version: d.version,
    unitPath: d.unitPath,
    deployedAt: iso(d.deployedAt) as string,
    deployedBy: d.deployedBy,
    ...(d.name ? { name: d.name } : {}),
  };
}

/** Deploy BPMN (JSON or multipart), list definitions in reach, fetch one and its XML. */
const deploymentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Multipart here carries the XML as a file field; its text lands in body.xml like JSON's.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_XML_BYTES, files: 1, fields: 4 },
    onFile: async (part) => {
      (part as unknown as { value: string }).value = (await part.toBuffer()).toString('utf8');
    },
  });

  app.post(
    '/deployments',
    {
      bodyLimit: MAX_XML_BYTES + 64 * 1024,
      schema: {
        tags: ['definitions'],
        summary: 'Deploy a BPMN model at a unit; engine problems answer 400 SZ_BPMN_INVALID with the list',
        consumes: ['application/json', 'multipart/form-data'],
        body: DeployBody,
        response: { 201: Definition, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const { xml, unit } = request.body;
      assertCan(p, 'definition:deploy', unit, 'unit');
      if (!(await app.store.units.byPath(unit))) throw new ApiError('SZ_UNIT_NOT_FOUND', { unit });
      const result = await app.runtime.definitions.deploy({ xml, unitPath: unit, deployedBy: p.id, now: app.clock.now(), id: app.newId() });
      if (!result.ok) {
        const params = { count: result.problems.length, first: result.problems[0]?.message ?? '' };
        throw new ApiError('SZ_BPMN_INVALID/deploy', params, { problems: result.problems });
      }
      request.log.info({ definitionId: result.definition.id, key: result.definition.key, version: result.definition.version }, 'deployed');
      return reply.status(201).send(definitionView(result.definition));
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
      return {
        items: [...items.values()]
          .sort((a, b) => a.unitPath.localeCompare(b.unitPath) || a.key.localeCompare(b.key) || a.version - b.version)
          .map(definitionView),
      };
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

  async function visible(id: string, p: ReturnType<typeof principal>): Promise<DefinitionRecord> {
    const d = await app.store.definitions.byId(id);
    if (!d || !canSeeDefinition(p, d.unitPath)) throw new ApiError('SZ_NOT_FOUND/definition');
    return d;
  }
};

export default deploymentRoutes;
