import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AttachmentRecord, CommentRecord, TaskRecord } from '@shanzhi/store';
import { Type } from '@sinclair/typebox';
import { languageOf } from '../../errors/language.ts';
import { ApiError, fieldText, invalidRequest } from '../../errors.ts';
import { ALLOWED_CONTENT_TYPES, acceptFile, MAX_ATTACHMENT_BYTES } from '../../files/sniff.ts';
import { type Principal, principal } from '../../plugins/tenancy.ts';
import { DUE_SOON_MS } from '../../runtime/reminders.ts';
import { errors, iso, page } from '../common.ts';
import { StepForm } from '../forms/schemas.ts';
import { stepFormView } from '../forms/view.ts';
import { assertHoldsOrAssigns, assertMayWrite, type HolderChange, taskAccess } from './access.ts';
import { actionsOf, may, mayWork } from './actions.ts';
import { contextsOf, describedTaskView } from './describe.ts';
import { returnTargets } from './returnTargets.ts';
import {
  Attachment,
  AttachmentParams,
  Comment,
  CommentBody,
  CompleteBody,
  InboxCounts,
  InboxQuery,
  Task,
  TaskDetail,
  TaskParams,
  UserBody,
} from './schemas.ts';
import { taskView } from './view.ts';

/**
 * The inbox reads what is offered to the reader (their id, their groups at their units) from
 * anywhere: a task naming a town department (approver@/nanhai/lishui/minzheng/) belongs to a
 * village's record outside the department's reach, and is still theirs to work.
 */
const OFFERED_ANYWHERE = ['/'];

const commentView = (c: CommentRecord) => ({ id: c.id, taskId: c.taskId, author: c.author, text: c.text, at: iso(c.at) as string });
const attachmentView = (a: AttachmentRecord) => ({
  id: a.id,
  taskId: a.taskId,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
  uploadedBy: a.uploadedBy,
  at: iso(a.at) as string,
});

/**
 * The inbox and what a user does with a task: claim, unclaim, assign, delegate (and, as the
 * delegate, resolve it back to its owner), complete, comment, attach files. Who holds a task is
 * changed through the engine (updateUserTask), so every change is an event of the audit trail.
 * A task outside your units answers 404; one in reach that is neither yours nor your groups'
 * answers 403.
 */
const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tasks = taskAccess(app);
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 } });

  app.get(
    '/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'My inbox: tasks assigned to me or offered to me or my groups (a town department’s review of a village’s record too)',
        querystring: InboxQuery,
        response: { 200: page(Task), ...errors(400, 401) },
      },
    },
    async (request) => {
      const p = principal(request);
      const q = request.query;
      const result = await app.store.tasks.inbox({
        userId: p.id,
        groups: p.groups,
        reach: OFFERED_ANYWHERE,
        limit: q.limit ?? 50,
        status: q.status ?? 'open',
        ...(q.definitionKey ? { definitionKey: q.definitionKey } : {}),
        ...(q.dueBefore ? { dueBefore: Date.parse(q.dueBefore) } : {}),
        ...(q.text ? { text: q.text } : {}),
        ...(q.sort ? { sort: q.sort } : {}),
        ...(q.scope ? { scope: q.scope } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      const contexts = await contextsOf(app, result.items);
      return {
        items: result.items.map((t) => describedTaskView(t, contexts.get(t.instanceId))),
        ...(result.next ? { next: result.next } : {}),
      };
    },
  );

  app.get(
    '/tasks/counts',
    {
      schema: {
        tags: ['tasks'],
        summary: 'How many open tasks each inbox tab holds, and how many are overdue or due within a day',
        response: { 200: InboxCounts, ...errors(401) },
      },
    },
    async (request) => {
      const p = principal(request);
      const base = { userId: p.id, groups: p.groups, reach: OFFERED_ANYWHERE, status: 'open' as const };
      const now = app.clock.now();
      const [mine, groups, all, overdue, dueSoon] = await Promise.all([
        app.store.tasks.count({ ...base, scope: 'mine' }),
        app.store.tasks.count({ ...base, scope: 'group' }),
        app.store.tasks.count(base),
        app.store.tasks.count({ ...base, dueBefore: now }),
        app.store.tasks.count({ ...base, dueBefore: now + DUE_SOON_MS }),
      ]);
      return { mine, groups, all, overdue, dueSoon: dueSoon - overdue };
    },
  );

  app.get(
    '/tasks/:id',
    {
      schema: {
        tags: ['tasks'],
        summary: 'A task, its procedure and matter, and what the person asking may do to it now',
        params: TaskParams,
        response: { 200: TaskDetail, ...errors(401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const t = await tasks.visibleTask(request.params.id, p);
      const context = (await contextsOf(app, [t])).get(t.instanceId);
      const allowed = actionsOf(t, p, context?.startedBy);
      // 退回 is offered only where there is an earlier step to go back to.
      const actions =
        allowed.includes('return') && (await returnTargets(app, t)).length === 0 ? allowed.filter((a) => a !== 'return') : allowed;
      return { ...describedTaskView(t, context), actions };
    },
  );

  /**
   * Claim, unclaim, assign, delegate, resolve: each decides from the open task and the caller who
   * holds it next (undefined: it stays as it is), and changeHolder records that through the engine.
   */
  const holderVerb = (
    verb: string,
    summary: string,
    decide: (t: TaskRecord, p: Principal, body: { userId: string }) => Promise<HolderChange | undefined> | HolderChange | undefined,
    { toUser = false } = {},
  ) =>
    app.post(
      `/tasks/:id/${verb}`,
      {
        schema: {
          tags: ['tasks'],
          summary,
          params: TaskParams,
          ...(toUser ? { body: UserBody } : {}),
          response: { 200: Task, ...errors(...(toUser ? [400] : []), 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const p = principal(request);
        const t = await tasks.openTask(request.params.id, p);
        const change = await decide(t, p, request.body as { userId: string });
        return change ? tasks.changeHolder(t, p, change) : taskView(t);
      },
    );

  holderVerb('claim', 'Take a group task', (t, p) => {
    if (t.assignee === p.id) return undefined;
    if (t.assignee !== undefined) throw new ApiError('SZ_TASK_CLAIMED');
    if (!may.claim(t, p)) throw new ApiError('SZ_NOT_CANDIDATE');
    return { assignee: p.id };
  });

  holderVerb('unclaim', 'Give a task back to its groups (a delegation ends with it)', (t, p) => {
    assertHoldsOrAssigns(t, p, 'SZ_NOT_CANDIDATE/unclaim');
    return { assignee: null, owner: null };
  });

  holderVerb(
    'assign',
    'Assign a task to a user (admins of its unit; a delegation ends with it)',
    async (t, p, { userId }) => {
      if (!may.assign(t, p)) throw new ApiError('SZ_FORBIDDEN', { unit: t.unitPath, action: 'task:assign' });
      await tasks.assertAssignable(userId, t);
      return { assignee: userId, owner: null };
    },
    { toUser: true },
  );

  holderVerb(
    'delegate',
    'Hand my task to another user of its unit, who resolves it back to me',
    async (t, p, { userId: to }) => {
      assertHoldsOrAssigns(t, p, 'SZ_NOT_CANDIDATE/delegate');
      await tasks.assertAssignable(to, t);
      // The task returns to whoever held it first; delegating it to that person is giving it back.
      const owner = t.owner ?? t.assignee;
      return { assignee: to, owner: owner === undefined || owner === to ? null : owner };
    },
    { toUser: true },
  );

  holderVerb('resolve', 'As the delegate, give a delegated task back to its owner', (t, p) => {
    if (t.owner === undefined) throw new ApiError('SZ_TASK_NOT_DELEGATED');
    if (!may.resolve(t, p)) throw new ApiError('SZ_NOT_CANDIDATE/resolve');
    return { assignee: t.owner, owner: null };
  });

  app.post(
    '/tasks/:id/complete',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Complete a task with its form data',
        params: TaskParams,
        body: CompleteBody,
        response: { 200: Task, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const t = await tasks.openTask(request.params.id, p);
      const done = await tasks.complete(t, p, request.body?.variables, languageOf(request.headers['accept-language']));
      request.log.info({ taskId: t.id, instanceId: t.instanceId }, 'task completed');
      return taskView(done);
    },
  );

  app.get(
    '/tasks/:id/form',
    {
      schema: {
        tags: ['tasks'],
        summary: 'The form of this step as you may see it: fields hidden here left out, readonly ones marked, current values',
        params: TaskParams,
        response: { 200: StepForm, ...errors(401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const t = await tasks.visibleTask(request.params.id, p);
      const form = await tasks.formOf(t);
      if (!form) throw new ApiError('SZ_FORM_NOT_FOUND/step');
      return stepFormView(form.bound, form.current, t.status === 'open' && t.owner === undefined && mayWork(t, p));
    },
  );

  app.get(
    '/tasks/:id/comments',
    {
      schema: { tags: ['tasks'], params: TaskParams, response: { 200: Type.Object({ items: Type.Array(Comment) }), ...errors(401, 404) } },
    },
    async (request) => {
      const t = await tasks.visibleTask(request.params.id, principal(request));
      return { items: (await app.store.comments.ofTask(t.id)).map(commentView) };
    },
  );

  app.post(
    '/tasks/:id/comments',
    { schema: { tags: ['tasks'], params: TaskParams, body: CommentBody, response: { 201: Comment, ...errors(400, 401, 403, 404) } } },
    async (request, reply) => {
      const p = principal(request);
      const t = await tasks.visibleTask(request.params.id, p);
      assertMayWrite(t, p);
      const c: CommentRecord = {
        id: app.newId(),
        taskId: t.id,
        instanceId: t.instanceId,
        unitPath: t.unitPath,
        author: p.id,
        text: request.body.text,
        at: app.clock.now(),
      };
      await app.store.comments.add(c);
      return reply.status(201).send(commentView(c));
    },
  );

  app.get(
    '/tasks/:id/attachments',
    {
      schema: {
        tags: ['tasks'],
        params: TaskParams,
        response: { 200: Type.Object({ items: Type.Array(Attachment) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      const t = await tasks.visibleTask(request.params.id, principal(request));
      return { items: (await app.store.attachments.ofTask(t.id)).map(attachmentView) };
    },
  );

  app.post(
    '/tasks/:id/attachments',
    {
      schema: {
        tags: ['tasks'],
        summary: `Attach a file (multipart field "file", at most 10 MB; ${ALLOWED_CONTENT_TYPES.length} content types: images, PDF, office documents, text; checked by content)`,
        consumes: ['multipart/form-data'],
        params: TaskParams,
        response: { 201: Attachment, ...errors(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const t = await tasks.visibleTask(request.params.id, p);
      assertMayWrite(t, p);
      if (!request.isMultipart()) throw new ApiError('SZ_UNSUPPORTED_MEDIA_TYPE/multipart');
      const file = await request.file();
      if (!file) throw invalidRequest([{ field: 'body.file', message: fieldText('required') }]);
      let content: Buffer;
      try {
        content = await file.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new ApiError('SZ_FILE_TOO_LARGE');
        throw error;
      }
      const contentType = acceptFile(file.mimetype, content);
      if (!contentType) throw new ApiError('SZ_FILE_TYPE_REJECTED');
      const a: AttachmentRecord = {
        id: app.newId(),
        taskId: t.id,
        instanceId: t.instanceId,
        unitPath: t.unitPath,
        fileName: basename(file.filename || 'file').slice(0, 255),
        contentType,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        uploadedBy: p.id,
        at: app.clock.now(),
      };
      await app.store.attachments.add(a, content);
      request.log.info({ taskId: t.id, attachmentId: a.id, size: a.size }, 'attachment added');
      return reply.status(201).send(attachmentView(a));
    },
  );

  app.get(
    '/tasks/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Download an attachment',
        params: AttachmentParams,
        produces: ['application/octet-stream'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors(401, 404) },
      },
    },
    async (request, reply) => {
      const t = await tasks.visibleTask(request.params.id, principal(request));
      const meta = await app.store.attachments.byId(request.params.attachmentId);
      const content = meta?.taskId === t.id ? await app.store.attachments.content(meta.id) : undefined;
      if (!meta || !content) throw new ApiError('SZ_NOT_FOUND/attachment');
      return reply
        .type(meta.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(content));
    },
  );
};

export default taskRoutes;
