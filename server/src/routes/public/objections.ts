import { DEFAULT_TIME_ZONE, formatLocalTime } from '@shanzhi/engine';
import type { NoticeRecord } from '@shanzhi/store';
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../../errors.ts';

/** A board's objection form takes this many from one address in a window, then asks it to wait. */
export const OBJECTIONS_PER_WINDOW = 5;
export const OBJECTION_WINDOW_MS = 10 * 60_000;

/** Who on the unit hears of an objection: its approvers (the 两委) and its admins. */
const TOLD = ['approver', 'village-admin'] as const;

export interface Objection {
  readonly content: string;
  readonly name?: string;
  readonly phone?: string;
}

/** The message a procedure waits for to take its notices' objections (key-matters' 村民异议处理). */
export const OBJECTION_MESSAGE = 'objection';

/**
 * Files a villager's objection to a notice of the unit's board while it is posted: limited per
 * address, kept, told to the unit's approvers and admins in their notifications, and handed to the
 * procedure that posted it when it waits for an `objection` message: its `objection` variable.
 */
export async function fileObjection(app: FastifyInstance, unitPath: string, noticeId: string, objection: Objection, address: string) {
  const now = app.clock.now();
  const notice = await app.store.notices.byId(noticeId);
  if (!notice || notice.unitPath !== unitPath) throw new ApiError('SZ_NOT_FOUND/notice');
  if (notice.until <= now || notice.postedAt > now) throw closed(notice);
  const { count, endsAt } = await app.store.attempts.count(`objection:${address}`, OBJECTION_WINDOW_MS, now);
  if (count > OBJECTIONS_PER_WINDOW) throw new ApiError('SZ_RATE_LIMITED/objection', { seconds: Math.ceil((endsAt - now) / 1000) });

  const record = {
    id: app.newId(),
    noticeId: notice.id,
    instanceId: notice.instanceId,
    unitPath: notice.unitPath,
    content: objection.content,
    receivedAt: now,
    ...(objection.name ? { name: objection.name } : {}),
    ...(objection.phone ? { phone: objection.phone } : {}),
  };
  await app.store.objections.add(record);
  const told = new Set<string>();
  for (const role of TOLD) for (const user of await app.store.users.withRoleAt(role, notice.unitPath)) told.add(user.id);
  await app.runtime.notifier.send('objection', [...told], {
    unitPath: notice.unitPath,
    instanceId: notice.instanceId,
    subject: notice.title,
    body: objection.content,
  });
  await deliver(app, notice.instanceId, objection.content);
  return record;
}

async function deliver(app: FastifyInstance, instanceId: string, content: string): Promise<void> {
  const instance = await app.store.instances.byId(instanceId);
  const waiting = Object.values(instance?.state.subs ?? {}).find((s) => s.kind === 'message' && s.name === OBJECTION_MESSAGE);
  if (waiting?.kind !== 'message') return;
  const out = await app.runtime.executor.run(
    instanceId,
    {
      type: 'correlateMessage',
      name: OBJECTION_MESSAGE,
      ...(waiting.key === undefined ? {} : { correlationKey: waiting.key }),
      variables: { objection: content },
    },
    { actor: 'system:board', internal: true },
  );
  if (!out.ok) app.log.warn({ instanceId, code: out.error.code }, 'objection not delivered to its procedure');
}

function closed(notice: NoticeRecord): ApiError {
  return new ApiError('SZ_NOTICE_CLOSED', { until: formatLocalTime(notice.until, DEFAULT_TIME_ZONE) });
}
