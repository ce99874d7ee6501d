import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { StoreDuplicate } from '../port.ts';
import type { AttachmentRecord } from '../records.ts';
import type { SuiteContext } from './context.ts';
import { instance, MINUTE, PATH, start, T0, task, USERS } from './fixtures.ts';

export function fileSpecs(ctx: SuiteContext): void {
  describe('comments and attachments', () => {
    const road = instance('inst-road', PATH.hefeng);
    const deliberation = task(road, '3', { name: '两委会商议' });

    beforeEach(async () => {
      await start(ctx.store, road, { tasks: { upsert: [deliberation] } });
    });

    describe('comments', () => {
      it('lists a task’s comments in the order they were made', async () => {
        const comment = (id: string, text: string, at: number) => ({
          id,
          taskId: deliberation.id,
          instanceId: road.id,
          unitPath: PATH.hefeng,
          author: USERS.hefengMember.id,
          text,
          at,
        });
        await ctx.store.comments.add(comment('c2', '同意，建议先公示预算。', T0 + 2 * MINUTE));
        await ctx.store.comments.add(comment('c1', '请补充施工方资质。', T0 + MINUTE));
        expect(await ctx.store.comments.ofTask(deliberation.id)).toEqual([
          comment('c1', '请补充施工方资质。', T0 + MINUTE),
          comment('c2', '同意，建议先公示预算。', T0 + 2 * MINUTE),
        ]);
        expect(await ctx.store.comments.ofTask('inst-road:9')).toEqual([]);
      });
    });

    describe('attachments', () => {
      const minutes = new TextEncoder().encode('鹤峰村村民代表会议记录\n赞成 31 票，反对 2 票，弃权 1 票。\n');
      const scan = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
      const meta = (id: string, content: Uint8Array, fileName = '会议记录.txt'): AttachmentRecord => ({
        id,
        taskId: deliberation.id,
        instanceId: road.id,
        unitPath: PATH.hefeng,
        fileName,
        contentType: 'text/plain; charset=utf-8',
        size: content.byteLength,
        sha256: createHash('sha256').update(content).digest('hex'),
        uploadedBy: USERS.hefengClerk.id,
        at: T0,
      });

      it('gives back content and metadata exactly as they were stored', async () => {
        await ctx.store.attachments.add(meta('att-minutes', minutes), minutes);
        await ctx.store.attachments.add({ ...meta('att-scan', scan, '签到表.pdf'), contentType: 'application/pdf', at: T0 + MINUTE }, scan);
        expect(await ctx.store.attachments.content('att-minutes')).toEqual(minutes);
        expect(await ctx.store.attachments.content('att-scan')).toEqual(scan);
        expect((await ctx.store.attachments.ofTask(deliberation.id)).map((a) => a.fileName)).toEqual(['会议记录.txt', '签到表.pdf']);
        expect((await ctx.store.attachments.ofTask(deliberation.id))[0]).toEqual(meta('att-minutes', minutes));
        expect(await ctx.store.attachments.byId('att-minutes')).toEqual(meta('att-minutes', minutes));
        expect(await ctx.store.attachments.byId('att-none')).toBeUndefined();
        expect(await ctx.store.attachments.content('att-none')).toBeUndefined();
      });

      it('refuses content that does not match its size or checksum, and stores none of it', async () => {
        await expect(ctx.store.attachments.add({ ...meta('att-bad', minutes), sha256: '0'.repeat(64) }, minutes)).rejects.toThrow(/sha256/);
        await expect(ctx.store.attachments.add({ ...meta('att-bad', minutes), size: 3 }, minutes)).rejects.toThrow(/size/);
        expect(await ctx.store.attachments.ofTask(deliberation.id)).toEqual([]);
        expect(await ctx.store.attachments.content('att-bad')).toBeUndefined();
      });

      it('refuses a second attachment with the same id and keeps the first intact', async () => {
        await ctx.store.attachments.add(meta('att-minutes', minutes), minutes);
        await expect(ctx.store.attachments.add(meta('att-minutes', scan), scan)).rejects.toThrow(StoreDuplicate);
        expect(await ctx.store.attachments.content('att-minutes')).toEqual(minutes);
      });

      it('refuses an id that could escape the files folder', async () => {
        await expect(ctx.store.attachments.add(meta('../../etc/passwd', minutes), minutes)).rejects.toThrow(/attachment id/);
      });
    });
  });
}
