/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, openStage, type Stage, signIn, signOut, snap } from './harness.ts';

/**
 * 村级事务申报, end to end in the browser: the clerk of 鹤峰村 files a request and first meets a
 * zh-CN validation error; the secretary sends it back with a reason; the clerk fixes it; the two
 * committee members countersign; the result is posted and a villager reads it on the public
 * board on a phone and objects.
 */
describe('a village request, from the clerk to the public board', () => {
  let stage: Stage;
  let page: Page;
  beforeAll(async () => {
    stage = await openStage();
    page = await (await stage.context()).newPage();
  });
  afterAll(() => stage?.close());

  const openTask = async (name: string) => {
    await page.goto('/inbox');
    await page.getByTestId('inbox-item').filter({ hasText: name }).first().getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('task-title').textContent()).toContain(name);
  };
  const submit = () => page.getByRole('button', { name: /^提\s*交$/ }).click();
  const backInInbox = () => page.waitForURL('**/inbox');

  it('opens on the sign-in page in Chinese, fast', async () => {
    // The browser's own start is not the app's: one request to the server first.
    await page.goto('/health');
    const started = Date.now();
    await page.goto('/');
    await page.getByRole('heading', { name: '登录善治' }).waitFor();
    const ms = Date.now() - started;
    process.stdout.write(`e2e: first screen (sign-in) shown in ${ms} ms\n`);
    expect(ms).toBeLessThan(2000);
    expect(page.url()).toContain('/login');
    await snap(page, '01-sign-in');
  });

  it('tells a wrong password in Chinese', async () => {
    await page.getByLabel('用户名').fill('hefeng-banshi');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/[\u4e00-\u9fff]/);
  });

  it('lets the clerk start a request and meet a validation error before it goes', async () => {
    await signIn(page, 'hefeng-banshi', DEMO_PASSWORD);
    await snap(page, '02-inbox-clerk');
    await page.getByRole('link', { name: '发起事项' }).first().click();
    await page.getByTestId('start-village_request').click();
    await page.getByRole('button', { name: /提交并发起/ }).click();
    await page.waitForURL('**/tasks/**');
    await expect.poll(() => page.getByTestId('task-title').textContent()).toContain('填写申报');

    await page.getByLabel('事项名称').fill('村委会议室添置投影仪');
    await page.getByLabel('金额（元）').fill('3800');
    await page.getByLabel('联系人手机号').fill('1380013800');
    await page.getByLabel('事项说明').fill('会议室投影仪损坏已两年，村民代表会议需要投影，购置一台。');
    await submit();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/手机号/)]));
    await snap(page, '03-validation-error');

    await page.getByLabel('联系人手机号').fill('13800138000');
    await submit();
    await backInInbox();
  });

  it('lets the secretary find it and send it back with a reason', async () => {
    await signOut(page);
    await signIn(page, 'hefeng-shuji', DEMO_PASSWORD);
    await openTask('书记审核');
    await expect.poll(() => page.getByLabel('事项名称').inputValue()).toBe('村委会议室添置投影仪');
    await snap(page, '04-task-page');
    await page.getByTestId('action-return').click();
    await page.getByTestId('reason').fill('请附上报价单，并写明资金来源。');
    await snap(page, '05-return-dialog');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await backInInbox();
  });

  it('brings it back to the clerk, who fixes it and sends it again', async () => {
    await signOut(page);
    await signIn(page, 'hefeng-banshi', DEMO_PASSWORD);
    await openTask('填写申报');
    await page.getByRole('tab', { name: '办理过程' }).click();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('请附上报价单');
    await page.getByLabel('事项说明').fill('会议室投影仪损坏已两年，购置一台，报价 3800 元，资金来自村集体办公经费。');
    await submit();
    await backInInbox();
  });

  it('lets the secretary approve and countersign', async () => {
    await signOut(page);
    await signIn(page, 'hefeng-shuji', DEMO_PASSWORD);
    await openTask('书记审核');
    await page.getByLabel('书记审核意见').fill('同意，提交两委会签。');
    await submit();
    await backInInbox();
    await openTask('两委会签');
    await page.getByRole('tab', { name: '流程图' }).click();
    await page.locator('.sz-active').first().waitFor();
    await snap(page, '06-diagram');
    await page.getByLabel('同意', { exact: true }).check();
    await submit();
    await backInInbox();

  });

  it('lets the second committee member countersign on her phone', async () => {
    const phone = await (await stage.context({ phone: true })).newPage();
    await signIn(phone, 'hefeng-liangwei', DEMO_PASSWORD);
    await phone.getByTestId('inbox-item').filter({ hasText: '两委会签' }).first().getByRole('link').first().click();
    await phone.getByLabel('同意', { exact: true }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await snap(phone, '07-task-phone');
    await phone.getByLabel('同意', { exact: true }).check();
    await phone.getByRole('button', { name: /^提\s*交$/ }).click();
    await phone.waitForURL('**/inbox');
    await snap(phone, '08-inbox-phone');
  });

  it('posts the result, which a villager reads on a phone and objects to', async () => {
    const phone = await (await stage.context({ phone: true })).newPage();
    await phone.goto('/public/nanhai/lishui/hefeng');
    const notice = phone.getByTestId('notice').filter({ hasText: '村委会议室添置投影仪' });
    await notice.waitFor();
    await snap(phone, '09-public-board-phone');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await notice.getByText('对这项公示有异议？').click();
    await notice.getByTestId('objection-content').fill('投影仪报价偏高，建议多比较几家。');
    await notice.getByTestId('objection-submit').click();
    await phone.getByTestId('objection-sent').waitFor();
    await snap(phone, '10-objection-sent');
  });
});
