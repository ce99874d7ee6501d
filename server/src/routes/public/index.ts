import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { NoticeRecord } from '@shanzhi/store';
import { ApiError } from '../../errors.ts';
import { errors, iso } from '../common.ts';
import { challenges } from './challenge.ts';
import { fileObjection, OBJECTION_WINDOW_MS, OBJECTIONS_PER_WINDOW } from './objections.ts';
import { Board, BoardParams, Challenge, ObjectionBody, ObjectionParams, ObjectionReceipt } from './schemas.ts';

/** Only what the notice says and when: no instance, element or person behind it. */
const noticeView = (n: NoticeRecord) => ({
  id: n.id,
  title: n.title,
  postedAt: iso(n.postedAt) as string,
  until: iso(n.until) as string,
  ...(n.body === undefined ? {} : { body: n.body }),
  ...(n.board === undefined ? {} : { board: n.board }),
});

/**
 * The public board (村务公开): what process steps posted for a unit, during their posting
 * period, readable without login. The unit is named by its path, URL-encoded, so a board's
 * address says which village it is and stays the same across installations.
 */
const publicRoutes: FastifyPluginAsyncTypebox<{ secret: string }> = async (app, options) => {
  const challenge = challenges(app, options.secret);

  app.get(
    '/challenge',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'A sum to answer with an objection (no login); good once, for ten minutes',
        security: [],
        response: { 200: Challenge },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return challenge.issue();
    },
  );

  app.get(
    '/units/:unitPath/notices',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'The notices a unit’s board shows now, newest first (no login)',
        security: [],
        params: BoardParams,
        response: { 200: Board, ...errors(400, 404) },
      },
    },
    async (request) => {
      const unit = await app.store.units.byPath(request.params.unitPath);
      if (!unit) throw new ApiError('SZ_UNIT_NOT_FOUND', { unit: request.params.unitPath });
      const notices = await app.store.notices.current(unit.path, app.clock.now());
      return { unit: { path: unit.path, name: unit.name }, items: notices.map(noticeView) };
    },
  );

  app.post(
    '/units/:unitPath/notices/:noticeId/objections',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: `File an objection to a notice while it is posted (no login; ${OBJECTIONS_PER_WINDOW} per address in ${OBJECTION_WINDOW_MS / 60_000} minutes)`,
        security: [],
        params: ObjectionParams,
        body: ObjectionBody,
        response: { 201: ObjectionReceipt, ...errors(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { unitPath, noticeId } = request.params;
      await challenge.check(request.body.challenge.token, request.body.challenge.answer);
      const filed = await fileObjection(app, unitPath, noticeId, request.body, request.ip);
      return reply.status(201).send({ id: filed.id, receivedAt: iso(filed.receivedAt) as string });
    },
  );
};

export default publicRoutes;
