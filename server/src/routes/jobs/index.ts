import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Vars } from '@shanzhi/engine';
import type { InstanceJobRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { assertCanSomewhere, principal } from '../../plugins/tenancy.ts';
import { errors, iso } from '../common.ts';
import { CompleteBody, ExtendBody, ExtendResult, FailBody, FailResult, FetchBody, Job, JobParams } from './schemas.ts';

function jobView(j: InstanceJobRecord) {
  const p = j.payload as { el?: string; variables?: Vars; headers?: Record<string, string> };
  return {
    id: j.id,
    type: j.type,
    instanceId: j.instanceId,
    elementId: p.el ?? '',
    unitPath: j.unitPath,
    retries: j.retries,
    variables: p.variables ?? {},
    headers: p.headers ?? {},
    lockedUntil: iso(j.lockedUntil ?? 0) as string,
  };
}

/** External job workers: fetch-and-lock by type (with long polling), complete, fail with retries and back-off, extend the lock. */
const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/jobs/fetch-and-lock',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Lock up to `max` jobs of these types for this worker; waits up to longPollMs for one',
        body: FetchBody,
        response: { 200: Type.Object({ items: Type.Array(Job) }), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const p = principal(request);
      const reach = assertCanSomewhere(p, 'job:work');
      const b = request.body;
      const jobs = await app.runtime.externalJobs.fetchAndLock({
        types: b.types,
        worker: b.worker,
        max: b.max,
        lockMs: b.lockMs,
        reach,
        ...(b.longPollMs ? { longPollMs: b.longPollMs } : {}),
      });
      return { items: jobs.map(jobView) };
    },
  );

  app.post(
    '/jobs/:id/complete',
    {
      schema: {
        tags: ['jobs'],
        params: JobParams,
        body: CompleteBody,
        response: { 204: { type: 'null' }, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const reach = assertCanSomewhere(p, 'job:work');
      await app.runtime.externalJobs.complete(request.params.id, {
        worker: request.body.worker,
        actor: p.id,
        reach,
        ...(request.body.variables ? { variables: request.body.variables } : {}),
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/jobs/:id/fail',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Report a failure: retried after backoffMs while retries are left, else an incident',
        params: JobParams,
        body: FailBody,
        response: { 200: FailResult, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const reach = assertCanSomewhere(p, 'job:work');
      const b = request.body;
      return app.runtime.externalJobs.fail(request.params.id, {
        worker: b.worker,
        retries: b.retries,
        errorMessage: b.errorMessage,
        actor: p.id,
        reach,
        ...(b.backoffMs === undefined ? {} : { backoffMs: b.backoffMs }),
        ...(b.errorCode === undefined ? {} : { errorCode: b.errorCode }),
      });
    },
  );

  app.post(
    '/jobs/:id/extend-lock',
    {
      schema: { tags: ['jobs'], params: JobParams, body: ExtendBody, response: { 200: ExtendResult, ...errors(400, 401, 403, 404, 409) } },
    },
    async (request) => {
      const p = principal(request);
      const reach = assertCanSomewhere(p, 'job:work');
      const until = await app.runtime.externalJobs.extendLock(request.params.id, {
        worker: request.body.worker,
        lockMs: request.body.lockMs,
        reach,
      });
      return { lockedUntil: iso(until) as string };
    },
  );
};

export default jobRoutes;
