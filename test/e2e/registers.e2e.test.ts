/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, openStage, type Stage, signIn, signOut, snap } from './harness.ts';

/**
 * 台账 in the browser: 鹤峰村's grid worker keeps the tenants' register (a new tenant, a mistyped
 * mobile number caught on the field, the entry's history), and 里水镇's administrator reads the
 * same register with identity and mobile numbers masked.
 */
describe('the registers a village keeps', () => {
  let stage: Stage;
  let page: Page;
  beforeAll(async () => {
    stage = await openStage();
    page = await (await stage.context()).newPage();
  });
  afterAll(() => stage?.close());

  const pick = async (label: string) => {
    await page.getByTestId('register-picker').click();
    // antd draws its options apart from the listbox it keeps for screen readers: click the one drawn.
    await page.locator('.ant-select-item-option').filter({ hasText: label }).click();
  };
  const rows = () => page.getByTestId('register-entries').locator('tr.ant-table-row');

  it('lets the grid worker add a tenant, stopping a mistyped mobile number on its field', async () => {
    await signIn(page, 'hefeng-wangge', DEMO_PASSWORD);
    await page.getByRole('link', { name: '台账' }).click();
    await pick('鹤峰村 · 租住人员台账');
    await expect.poll(() => rows().first().textContent()).toContain('450221199507120026');
    await snap(page, '20-registers-grid-worker');

    await page.getByTestId('register-add').click();
    const drawer = page.getByTestId('register-entry');
    await drawer.getByLabel('登记编号').fill('HF-ZZ-2026-040');
    await drawer.getByLabel('出租屋档案编号').fill('HF-CZW-0001');
    await drawer.getByLabel('房号').fill('305');
    await drawer.getByLabel('姓名').fill('韦丽萍');
    await drawer.getByLabel('手机号').fill('1380013');
    await drawer.getByRole('button', { name: '新增记录' }).click();
    await expect.poll(() => drawer.textContent()).toMatch(/手机号码|手机号/);
    await snap(page, '21-register-entry-error');
    await drawer.getByLabel('手机号').fill('13800138011');
    await drawer.getByRole('button', { name: '新增记录' }).click();
    await expect.poll(() => rows().filter({ hasText: 'HF-ZZ-2026-040' }).count()).toBe(1);
  });

  it('shows an entry with its history, and a correction adds a revision', async () => {
    await rows().filter({ hasText: 'HF-ZZ-2026-040' }).click();
    const drawer = page.getByTestId('register-entry');
    await drawer.getByTestId('register-history').waitFor();
    await drawer.getByLabel('房号').fill('306');
    await drawer.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => rows().filter({ hasText: 'HF-ZZ-2026-040' }).textContent()).toContain('306');
    await rows().filter({ hasText: 'HF-ZZ-2026-040' }).click();
    await expect.poll(() => page.getByTestId('register-history').textContent()).toContain('第 2 版');
    await snap(page, '22-register-entry-history');
    await page.keyboard.press('Escape');
    await signOut(page);
  });

  it('shows the town’s administrator the same register with identity and mobile numbers masked', async () => {
    await signIn(page, 'lishui-guanli', DEMO_PASSWORD);
    await page.goto('/registers');
    await pick('鹤峰村 · 租住人员台账');
    await page.getByTestId('register-masked').waitFor();
    const demoTenant = rows().filter({ hasText: 'HF-ZZ-2026-017' });
    await expect.poll(() => demoTenant.textContent()).toContain('4502**********0026');
    expect(await page.getByTestId('register-add').count()).toBe(0);
    await snap(page, '23-registers-masked-for-town');
  });

  it('works on the grid worker’s phone', async () => {
    const phone = await (await stage.context({ phone: true })).newPage();
    await signIn(phone, 'hefeng-wangge', DEMO_PASSWORD);
    await phone.goto('/registers');
    await phone.getByTestId('register-entries').locator('tr.ant-table-row').first().waitFor();
    await snap(phone, '24-registers-phone');
    await phone.getByTestId('register-entries').locator('tr.ant-table-row').first().click();
    await phone.getByTestId('register-history').waitFor();
    // On a phone the entry takes the whole screen, once it has slid in.
    await expect.poll(async () => (await phone.locator('.ant-drawer-content-wrapper').boundingBox())?.x, { timeout: 5_000 }).toBe(0);
    await snap(phone, '25-register-entry-phone');
  });
});
