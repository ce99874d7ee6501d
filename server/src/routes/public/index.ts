import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AttachmentRecord, NoticeRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { ApiError } from '../../errors.ts';
import { errors, iso } from '../common.ts';
import { challenges } from './challenge.ts';
import { fileObjection, OBJECTION_WINDOW_MS, OBJECTIONS_PER_WINDOW } from './objections.ts';
import { Board, BoardParams, Challenge, NoticeAttachmentParams, ObjectionBody, ObjectionParams, ObjectionReceipt } from './schemas.ts';

/** Only what the notice says and when, and the files posted with it: no instance, element or person behind it. */
const noticeView = (n: NoticeRecord, files: readonly AttachmentRecord[]) => ({
  id: n.id,
  title: n.title,
  postedAt: iso(n.postedAt) as string,
  until: iso(n.until) as string,
  ...(n.body === undefined ? {} : { body: n.body }),
  ...(n.board === undefined ? {} : { board: n.board }),
  ...(files.length > 0
    ? { attachments: files.map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size })) }
    : {}),
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
      const items = [];
      for (const n of notices) items.push(noticeView(n, await postedFiles(n)));
      return { unit: { path: unit.path, name: unit.name }, items };
    },
  );

  app.get(
    '/units/:unitPath/notices/:noticeId/attachments/:attachmentId',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'A file posted with a notice, while the notice is posted (no login)',
        security: [],
        params: NoticeAttachmentParams,
        produces: ['application/octet-stream'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors(404) },
      },
    },
    async (request, reply) => {
      const { unitPath, noticeId, attachmentId } = request.params;
      const now = app.clock.now();
      const notice = await app.store.notices.byId(noticeId);
      const posted = notice && notice.unitPath === unitPath && notice.postedAt <= now && now < notice.until;
      const meta = posted ? (await postedFiles(notice)).find((f) => f.id === attachmentId) : undefined;
      const content = meta && (await app.store.attachments.content(meta.id));
      if (!meta || !content) throw new ApiError('SZ_NOT_FOUND/attachment');
      return reply
        .type(meta.contentType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(content));
    },
  );

  /** The files a notice names that belong to its instance: a model cannot post another instance's file. */
  async function postedFiles(n: NoticeRecord): Promise<AttachmentRecord[]> {
    const files: AttachmentRecord[] = [];
    for (const id of n.attachments ?? []) {
      const meta = await app.store.attachments.byId(id);
      if (meta?.instanceId === n.instanceId) files.push(meta);
    }
    return files;
  }

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
