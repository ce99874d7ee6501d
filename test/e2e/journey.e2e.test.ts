/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { createShanzhiClient, ok } from '@shanzhi/client';
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
  /** The clerk's browser; the others each sign in on their own, as people at their own desks do. */
  let page: Page;
  let secretary: Page;
  beforeAll(async () => {
    stage = await openStage();
    page = await (await stage.context()).newPage();
  });
  afterAll(() => stage?.close());

  const openTaskOn = async (on: Page, name: string) => {
    await on.goto('/inbox');
    await on.getByTestId('inbox-item').filter({ hasText: name }).first().getByRole('link').first().click();
    await expect.poll(() => on.getByTestId('task-title').textContent()).toContain(name);
  };
  const submitOn = (on: Page) => on.getByRole('button', { name: /^提\s*交$/ }).click();

  const openTask = async (name: string) => {
    await page.goto('/inbox');
    await page.getByTestId('inbox-item').filter({ hasText: name }).first().getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('task-title').textContent()).toContain(name);
  };
  const submit = () => page.getByRole('button', { name: /^提\s*交$/ }).click();
  const backInInbox = () => page.waitForURL('**/inbox');

  it('opens on the sign-in page in Chinese, and says how fast', async () => {
    // The browser's own start is not the app's: one request to the server first.
    await page.goto('/health');
    const started = Date.now();
    await page.goto('/');
    await page.getByRole('heading', { name: '登录善治' }).waitFor();
    const ms = Date.now() - started;
    // Printed, not asserted: a timed test is flaky on a shared machine (the goal is under 2 s).
    process.stdout.write(`e2e: first screen (sign-in) shown in ${ms} ms\n`);
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
    secretary = await (await stage.context()).newPage();
    await signIn(secretary, 'hefeng-shuji', DEMO_PASSWORD);
    await openTaskOn(secretary, '书记审核');
    await expect.poll(() => secretary.getByLabel('事项名称').inputValue()).toBe('村委会议室添置投影仪');
    await snap(secretary, '04-task-page');
    await secretary.getByTestId('action-return').click();
    await secretary.getByTestId('reason').fill('请附上报价单，并写明资金来源。');
    await snap(secretary, '05-return-dialog');
    await secretary.getByRole('button', { name: /确\s*定/ }).click();
    await secretary.waitForURL('**/inbox');
  });

  it('brings it back to the clerk, who fixes it and sends it again', async () => {
    await openTask('填写申报');
    await page.getByRole('tab', { name: '办理过程' }).click();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('请附上报价单');
    await page.getByLabel('事项说明').fill('会议室投影仪损坏已两年，购置一台，报价 3800 元，资金来自村集体办公经费。');
    await submit();
    await backInInbox();
  });

  it('lets the secretary approve and countersign', async () => {
    await openTaskOn(secretary, '书记审核');
    await secretary.getByLabel('书记审核意见').fill('同意，提交两委会签。');
    await submitOn(secretary);
    await secretary.waitForURL('**/inbox');
    await openTaskOn(secretary, '两委会签');
    await secretary.getByRole('tab', { name: '流程图' }).click();
    await secretary.locator('.sz-active').first().waitFor();
    await snap(secretary, '06-diagram');
    await secretary.getByLabel('同意', { exact: true }).check();
    await submitOn(secretary);
    await secretary.waitForURL('**/inbox');
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
    await phone.getByText('全部待办').first().waitFor();
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
    await notice.getByTestId('challenge-question').filter({ hasText: '=' }).waitFor();
    const sum = (await notice.getByTestId('challenge-question').textContent())?.match(/\d+/g)?.map(Number) ?? [];
    await notice.getByTestId('challenge-answer').fill(String(sum.reduce((a, b) => a + b, 0)));
    await snap(phone, '10-objection-form');
    await notice.getByTestId('objection-submit').click();
    await phone.getByTestId('objection-sent').waitFor();
    await snap(phone, '10-objection-sent');
  });

  it('tells the secretary of the objection, and lets the clerk sign out', async () => {
    await secretary.goto('/notifications');
    await secretary.getByTestId('notification').filter({ hasText: '村民异议' }).first().waitFor();
    await snap(secretary, '11-notifications');
    await signOut(page);
    expect(page.url()).toContain('/login');
  });

  it('keeps the objection where the village staff read it over the API', async () => {
    const api = createShanzhiClient({ baseUrl: stage.url });
    const { token } = await ok(api.POST('/api/auth/login', { body: { username: 'hefeng-guanli', password: DEMO_PASSWORD } }));
    const staff = createShanzhiClient({ baseUrl: stage.url, token: () => token });
    const kept = await ok(staff.GET('/api/objections', { params: { query: { unit: '/nanhai/lishui/hefeng/' } } }));
    expect(kept.items.map((o) => o.content)).toContain('投影仪报价偏高，建议多比较几家。');
  });
});
