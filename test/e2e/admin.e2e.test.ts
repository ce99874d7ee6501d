/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { createShanzhiClient } from '@shanzhi/client';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, openStage, openTimed, type Stage, signIn, snap } from './harness.ts';

const WAIT = { timeout: 10_000 };

/** A weekday no public holiday ever falls on: the second Wednesday of March of this year. */
function quietWeekday(year: number): string {
  const firstOfMarch = new Date(Date.UTC(year, 2, 1)).getUTCDay();
  const day = 1 + ((3 - firstOfMarch + 7) % 7) + 7;
  return `${year}-03-${String(day).padStart(2, '0')}`;
}

/**
 * 系统管理, in the browser: 里水镇's administrator sees the unit tree, makes an account for a new
 * 鹤峰村 clerk and gives them a second role there, and the clerk signs in to 鹤峰村's screens; the
 * town keeps a holiday of its own and verifies the audit chain; 鹤峰村's administrator sees
 * 鹤峰村's people and not 宏岗村's, grants its staff's roles only, and has no webhooks to keep.
 */
describe('administration', () => {
  let stage: Stage;
  let page: Page;
  beforeAll(async () => {
    stage = await openStage();
    page = await (await stage.context()).newPage();
  });
  afterAll(() => stage?.close());

  /** Chooses in an antd Select or TreeSelect by typing, as a person does, and Enter. */
  const choose = async (testId: string, text: string) => {
    await page.getByTestId(testId).click();
    await page.keyboard.type(text);
    await page.locator('.ant-select-dropdown:visible').getByText(text, { exact: false }).first().waitFor();
    await page.keyboard.press('Enter');
  };

  const userRow = (name: string) => page.getByTestId('users').locator('tr').filter({ hasText: name });

  it('shows a town administrator the units of the town as a tree', async () => {
    await signIn(page, 'lishui-guanli', DEMO_PASSWORD);
    await page.getByRole('link', { name: '系统管理' }).waitFor();
    await openTimed(page, '/admin', page.getByTestId('org-tree').getByText('鹤峰村'));
    const tree = page.getByTestId('org-tree');
    await expect.poll(() => tree.textContent(), WAIT).toContain('里水镇');
    expect(await tree.textContent()).toContain('高边经济社');
    expect(await tree.textContent()).not.toContain('大沥镇');
    await tree.getByText('鹤峰村').click();
    await page.getByTestId('add-unit').waitFor();
    await snap(page, '60-admin-org-tree');
  });

  it('refuses a unit that exists already, on the code field, and adds a new one', async () => {
    await page.getByLabel('单位名称').fill('高边经济社（重复）');
    await page.getByLabel('单位代码').fill('gaobian');
    await page.getByRole('button', { name: '新增单位' }).click();
    await expect.poll(() => page.getByTestId('add-unit').textContent(), WAIT).toContain('/nanhai/lishui/hefeng/gaobian/');
    await snap(page, '61-admin-unit-refused');
    await page.getByLabel('单位名称').fill('新村经济社');
    await page.getByLabel('单位代码').fill('xincun');
    await page.getByRole('button', { name: '新增单位' }).click();
    await page.getByTestId('org-tree').getByText('新村经济社').waitFor(WAIT);
  });

  it('creates a user for a village and grants them a second role there', async () => {
    await page.getByRole('tab', { name: '用户与角色' }).click();
    await userRow('hefeng-banshi').waitFor(WAIT);
    await page.getByTestId('new-user-open').click();
    const dialog = page.getByTestId('new-user');
    await dialog.getByLabel('用户名').fill('hefeng-xinren');
    await dialog.getByLabel('姓名').fill('陈晓燕');
    await dialog.getByLabel('初始密码').fill('xinren-2026');
    await choose('role-picker', '办事员');
    await choose('unit-picker', '鹤峰村');
    await page.getByTestId('new-user-ok').click();
    await expect.poll(() => userRow('hefeng-xinren').textContent(), WAIT).toContain('办事员 · 鹤峰村');

    await userRow('hefeng-xinren').getByRole('button', { name: '授予角色' }).click();
    await choose('role-picker', '网格员');
    await choose('unit-picker', '鹤峰村');
    await page.getByTestId('grant-ok').click();
    await expect.poll(() => userRow('hefeng-xinren').textContent(), WAIT).toContain('网格员 · 鹤峰村');
    await page.getByTestId('user-search').locator('input').fill('晓燕');
    await expect.poll(() => page.getByTestId('users').locator('tr.ant-table-row').count(), WAIT).toBe(1);
    await snap(page, '62-admin-user-granted');
  });

  it('lets the new user sign in and see 鹤峰村’s screens', async () => {
    const theirs = await (await stage.context()).newPage();
    await signIn(theirs, 'hefeng-xinren', 'xinren-2026');
    await expect.poll(() => theirs.getByTestId('account').textContent(), WAIT).toContain('陈晓燕');
    await theirs.getByRole('link', { name: '发起事项' }).first().click();
    await theirs.getByTestId('start-village_request').waitFor(WAIT);
    await snap(theirs, '63-admin-new-user-start');
    // A clerk does not administer: no 系统管理 for them.
    expect(await theirs.getByRole('link', { name: '系统管理' }).count()).toBe(0);
    await theirs.context().close();
  });

  it('disables the new user, who can no longer sign in, and enables them again', async () => {
    const signInAs = () =>
      createShanzhiClient({ baseUrl: stage.url }).POST('/api/auth/login', { body: { username: 'hefeng-xinren', password: 'xinren-2026' } });
    await page.getByRole('tab', { name: '用户与角色' }).click();
    const row = userRow('hefeng-xinren');
    await row.getByTestId('toggle-user').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => row.textContent(), WAIT).toContain('已停用');
    expect((await signInAs()).response.status).toBe(401);
    await snap(page, '63b-admin-user-disabled');
    await row.getByTestId('toggle-user').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => row.textContent(), WAIT).toContain('正常');
    expect((await signInAs()).response.status).toBe(200);
  });

  it('keeps a holiday of the town’s own and shows it', async () => {
    await page.getByRole('tab', { name: '节假日' }).click();
    const year = new Date().getFullYear();
    const date = quietWeekday(year);
    const day = page.locator(`[data-date="${date}"]`);
    await day.waitFor(WAIT);
    expect(await day.getAttribute('aria-pressed')).toBe('false');
    await day.click();
    await expect.poll(() => page.getByTestId('holidays').textContent(), WAIT).toContain(date);
    await page.getByTestId('calendar-save').click();
    await page.getByText('本单位自定的日历').waitFor(WAIT);
    await page.reload();
    await expect.poll(() => page.getByTestId('holidays').textContent(), WAIT).toContain(date);
    expect(await page.locator(`[data-date="${date}"]`).getAttribute('aria-pressed')).toBe('true');
    await snap(page, '64-admin-calendar');
  });

  it('adds a webhook channel for the town, shows its secret once, and removes it', async () => {
    await page.getByRole('tab', { name: 'Webhook' }).click();
    await page.getByTestId('new-webhook-open').click();
    await choose('webhook-unit', '里水镇');
    await page.getByTestId('new-webhook').getByLabel('接收地址').fill('http://127.0.0.1:9/sms');
    await page.getByTestId('new-webhook-ok').click();
    await expect.poll(async () => ((await page.getByTestId('webhook-secret').textContent()) ?? '').length, WAIT).toBeGreaterThan(16);
    await page.getByRole('button', { name: '已复制保存' }).click();
    const channel = page.getByTestId('webhooks').locator('tr.ant-table-row').filter({ hasText: 'http://127.0.0.1:9/sms' });
    await expect.poll(() => channel.textContent(), WAIT).toContain('全部消息');
    await page.getByTestId('dead-letters').getByText('没有推送失败的消息').waitFor(WAIT);
    await snap(page, '64b-admin-webhooks');
    await channel.getByRole('button', { name: '删除' }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => channel.count(), WAIT).toBe(0);
  });

  it('verifies the audit chain and says it holds', async () => {
    await page.getByRole('tab', { name: '审计' }).click();
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-result').textContent(), WAIT).toContain('审计链完整');
    await snap(page, '65-admin-audit');
  });

  it('shows a village administrator their village’s people only, with the staff roles they may grant', async () => {
    const village = await (await stage.context()).newPage();
    await signIn(village, 'hefeng-guanli', DEMO_PASSWORD);
    await village.goto('/admin/users');
    const users = village.getByTestId('users');
    await users.locator('tr').filter({ hasText: 'hefeng-xinren' }).waitFor(WAIT);
    const text = await users.textContent();
    expect(text).toContain('hefeng-banshi');
    expect(text).not.toContain('honggang');
    expect(text).not.toContain('宏岗村');
    await snap(village, '66-admin-village-users');
    // The village keeps its staff's accounts: the roles it may grant are theirs, not an administrator's.
    await village.getByTestId('new-user-open').click();
    await village.getByTestId('role-picker').click();
    const options = village.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor(WAIT);
    expect(await options.allTextContents()).toEqual(['办事员', '审批人', '党员/村民代表', '网格员']);
    await village.keyboard.press('Escape');
    await village.getByRole('button', { name: /取\s*消/ }).click();
    await village.getByRole('tab', { name: 'Webhook' }).click();
    await village.getByTestId('webhooks-forbidden').waitFor(WAIT);
    await village.context().close();
  });

  it('fits a phone: the tabs, the users and the year view', async () => {
    const phone = await (await stage.context({ phone: true })).newPage();
    await signIn(phone, 'lishui-guanli', DEMO_PASSWORD);
    await phone.goto('/admin/users');
    await phone.getByTestId('users').getByText('hefeng-banshi').waitFor(WAIT);
    await snap(phone, '68-admin-users-phone');
    await phone.goto('/admin/calendar');
    await phone.getByTestId('year-view').waitFor(WAIT);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await snap(phone, '69-admin-calendar-phone');
    await phone.context().close();
  });

  it('reads in English', async () => {
    await page.getByTestId('account').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Audit' }).waitFor(WAIT);
    await page.getByRole('tab', { name: 'Holidays' }).click();
    await page.getByText('Holidays and days worked in exchange').waitFor(WAIT);
    await snap(page, '67-admin-calendar-en');
  });
});
