/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFileSync } from 'node:fs';
import { createShanzhiClient, ok } from '@shanzhi/client';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVISION, reviseVillageRequest } from '../../designer/src/testing/villageRequestRevision.ts';
import { DEMO_REQUEST_PROCEDURE, PATHS } from '../../server/src/demo/data.ts';
import { DEMO_PASSWORD, openStage, openTimed, type Stage, signIn, snap, untranslated } from './harness.ts';

const NOTE = '书记审核后增加村委会审议环节，书记审核期限延长为 3 个工作日';

/**
 * The versions of a procedure, in the browser: 里水镇's designer has deployed a second version of
 * 村级事务申报 (村委会审议 added, 书记审核 given longer), opens its versions, picks the two and sees
 * what changed, marked on both diagrams and said in words, in Chinese and in English.
 */
describe('the versions of a procedure and what changed between two', () => {
  let stage: Stage;
  let page: Page;
  const changes = () => page.getByTestId('version-change');
  const changeList = () => changes().allTextContents();

  beforeAll(async () => {
    stage = await openStage();
    const api = createShanzhiClient({ baseUrl: stage.url });
    const { token } = await ok(api.POST('/api/auth/login', { body: { username: 'lishui-sheji', password: DEMO_PASSWORD } }));
    const designer = createShanzhiClient({ baseUrl: stage.url, token: () => token });
    const xml = reviseVillageRequest(readFileSync(DEMO_REQUEST_PROCEDURE.file, 'utf8'));
    const deployed = await ok(designer.POST('/api/deployments', { body: { xml, unit: PATHS.lishui, note: NOTE } }));
    expect(deployed).toMatchObject({ key: DEMO_REQUEST_PROCEDURE.key, version: 2, note: NOTE });
    page = await (await stage.context()).newPage();
  });
  afterAll(() => stage?.close());

  it('lists every version with who deployed it, when, its note, and which is current', async () => {
    await signIn(page, 'lishui-sheji', DEMO_PASSWORD);
    const table = page.getByTestId('versions-table');
    // Usable when the changes between the two newest are listed: bpmn-js and the differ loaded, both diagrams drawn.
    await openTimed(page, `/design/${DEMO_REQUEST_PROCEDURE.key}/versions?unit=${encodeURIComponent(PATHS.lishui)}`, changes().first());
    const rows = table.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    const newest = await rows.first().textContent();
    expect(newest).toContain('v2');
    expect(newest).toContain('当前版本');
    expect(newest).toContain('陈嘉明');
    expect(newest).toContain(NOTE);
    expect(await rows.nth(1).textContent()).toContain('（未填写）');
  });

  it('compares the two versions picked, and lists the change in words', async () => {
    // Opened with the two newest ticked; let one go and tick it again, as a person choosing would.
    const v1 = page.getByRole('checkbox', { name: 'v1' });
    await v1.click();
    await page.getByTestId('versions-pick-two').waitFor();
    await v1.click();
    await expect.poll(changeList, { timeout: 10_000 }).toContain(`新增用户任务「${REVISION.added.name}」`);
    const listed = await changeList();
    expect(listed).toContain(`修改用户任务「${REVISION.changed.name}」办理期限：P2WD → P3WD`);
    expect(listed).toContain('移动开始「发起申报」');
    expect(listed.some((line) => line.startsWith('修改连线') && line.includes(`连到：两委会签 → ${REVISION.added.name}`))).toBe(true);
    expect(await page.getByText('对比 v1（旧）与 v2（新）').count()).toBe(1);
  });

  it('marks the changes on both diagrams, keeps the bpmn.io watermark, and finds a change in both on a click', async () => {
    const [before, after] = [page.getByTestId('version-diagram').nth(0), page.getByTestId('version-diagram').nth(1)];
    await after.locator(`[data-element-id="${REVISION.added.id}"].sz-diff-added`).waitFor({ timeout: 10_000 });
    expect(await before.locator(`[data-element-id="${REVISION.added.id}"]`).count()).toBe(0);
    for (const diagram of [before, after]) {
      expect(await diagram.locator(`[data-element-id="${REVISION.changed.id}"].sz-diff-changed`).count()).toBe(1);
      expect(await diagram.locator(`[data-element-id="${REVISION.moved.id}"].sz-diff-moved`).count()).toBe(1);
      expect(await diagram.locator('.bjs-powered-by').isVisible()).toBe(true);
    }
    await snap(page, '60-design-versions');
    await page.locator(`[data-testid="version-change"][data-element="${REVISION.changed.id}"]`).click();
    for (const diagram of [before, after]) {
      await diagram.locator(`[data-element-id="${REVISION.changed.id}"].sz-diff-focus`).waitFor({ timeout: 10_000 });
    }
    await snap(page, '61-design-versions-focused');
  });

  it('compares the current version with a file from this computer, and refuses a file that is not BPMN', async () => {
    const renamed = '村民代表会议审议';
    const edited = reviseVillageRequest(readFileSync(DEMO_REQUEST_PROCEDURE.file, 'utf8')).replace(
      `name="${REVISION.added.name}"`,
      `name="${renamed}"`,
    );
    const input = page.getByTestId('versions-file');
    await input.setInputFiles({ name: 'form.json', mimeType: 'application/json', buffer: Buffer.from('{"type":"object"}') });
    await page.getByText('「form.json」不是 BPMN 流程文件，无法对比').waitFor({ timeout: 10_000 });
    await input.setInputFiles({ name: '村级事务申报-修改稿.bpmn', mimeType: 'application/xml', buffer: Buffer.from(edited) });
    await page.getByText('对比 v2 与文件「村级事务申报-修改稿.bpmn」').waitFor({ timeout: 10_000 });
    await expect.poll(changeList, { timeout: 10_000 }).toEqual([`修改用户任务「${renamed}」名称：${REVISION.added.name} → ${renamed}`]);
    await snap(page, '63-design-versions-file');
    await page.getByRole('button', { name: '不再对比文件' }).click();
    await expect.poll(changeList, { timeout: 10_000 }).toContain(`新增用户任务「${REVISION.added.name}」`);
  });

  it('reads in English after the switch, with no Chinese but the procedure’s own text', async () => {
    await page.getByTestId('account').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(changeList, { timeout: 10_000 }).toContain(`Addeduser task “${REVISION.added.name}”`);
    expect(await changeList()).toContain(`Changeduser task “${REVISION.changed.name}”Due: P2WD → P3WD`);
    expect(await page.getByText('Comparing v1 (older) with v2 (newer)').count()).toBe(1);
    expect(await page.getByTestId('versions-table').textContent()).toContain('Current');
    // Opened afresh in English (the account menu's popup keeps the words it was opened with): every word
    // ours is English; the procedure's names, notes and units stay as their authors wrote them.
    await page.reload();
    await expect.poll(changeList, { timeout: 10_000 }).toContain(`Addeduser task “${REVISION.added.name}”`);
    expect(await untranslated(page)).toEqual([]);
    await snap(page, '62-design-versions-en');
  });
});
