/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, openStage, type Stage, signIn, signOut, snap, untranslated } from './harness.ts';

describe('the app in English', () => {
  let stage: Stage;
  let page: Page;
  beforeAll(async () => {
    stage = await openStage();
    const context = await stage.context({ locale: 'en-GB' });
    await context.addInitScript(() => localStorage.setItem('shanzhi.language', 'en'));
    page = await context.newPage();
  });
  afterAll(() => stage?.close());

  /** Sweeps a screen once it shows `ready`, so an empty page never passes. */
  const screen = async (name: string, ready: string) => {
    await page.getByText(ready, { exact: false }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page
      .locator('.ant-spin-spinning')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    expect(await untranslated(page), name).toEqual([]);
    await snap(page, `en-${name}`);
  };

  it('shows no Chinese outside the data on any screen', async () => {
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Sign in to Shanzhi' }).waitFor();
    await screen('sign-in', 'Sign in to Shanzhi');
    await signIn(page, 'hefeng-shuji', DEMO_PASSWORD);
    await screen('inbox', 'All my tasks');
    // The committee vote: a step with an earlier one to return to, so the return dialog is swept too.
    await page.getByTestId('inbox-item').filter({ hasText: '两委会议商议' }).first().getByRole('link').first().click();
    await page.getByTestId('task-title').waitFor();
    await screen('task', 'History');
    for (const tab of ['Comments', 'Attachments', 'Diagram', 'History']) {
      await page.getByRole('tab', { name: tab }).click();
      await screen(`task-${tab.toLowerCase()}`, tab);
    }
    await page.getByTestId('action-return').click();
    await page.getByRole('dialog').waitFor();
    await screen('return-dialog', 'Return to');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.goto('/start');
    await page.getByTestId('start-village_request').waitFor();
    await screen('start', 'Start a procedure');
    await page.getByTestId('start-village_request').click();
    await page.getByRole('button', { name: 'Submit and start' }).waitFor();
    await screen('start-form', 'Submit and start');
    await page.goto('/mine');
    await screen('mine', 'Started by me');
    await page.getByRole('tab', { name: 'Copied to me' }).click();
    await screen('mine-cc', 'Copied to me');
    await page.goto('/registers');
    await screen('registers', 'Identity and mobile numbers are masked');
    await page.getByTestId('register-entries').locator('tr.ant-table-row').first().click();
    await page.getByTestId('register-history').waitFor();
    await screen('register-entry', 'History');
    await page.keyboard.press('Escape');
    await page.goto('/notifications');
    await screen('notifications', 'Mark all read');
    await page.getByTestId('account').click();
    await screen('account-menu', 'Sign out');
    await page.goto('/no-such-screen');
    await screen('not-found', 'No such page');
    await page.goto('/public/nanhai/lishui/hefeng');
    await screen('public-board', 'Public notice board');
  });

  it('shows no Chinese outside the data on the template screens of a village administrator', async () => {
    await page.goto('/inbox');
    await signOut(page);
    await signIn(page, 'hefeng-guanli', DEMO_PASSWORD);
    await page.goto('/templates');
    await screen('templates', 'Governance templates');
    await page.getByTestId('template-key-matters').getByTestId('adoption-link').click();
    await screen('adoption', 'Deployments');
    await signOut(page);
    await signIn(page, 'lishui-guanli', DEMO_PASSWORD);
    await page.goto('/templates');
    await screen('template-library', 'Template library');
    await page.getByTestId('library-key-matters').getByTestId('publish-link').click();
    await screen('template-publish', 'What the villages may set');
  });

  it('shows no Chinese outside the data on the dashboard', async () => {
    await page.goto('/dashboard');
    await page.getByTestId('dashboard-unit-chart').locator('canvas').waitFor();
    await screen('dashboard', 'By village');
  });

  it('shows no Chinese outside the data on the administration screens of a town administrator', async () => {
    await page.goto('/inbox');
    await signOut(page);
    await signIn(page, 'lishui-guanli', DEMO_PASSWORD);
    await page.goto('/admin/org');
    await screen('admin-org', 'Add a unit below');
    await page.getByTestId('org-tree').getByText('鹤峰村').click();
    await screen('admin-org-add', 'Parent unit');
    await page.goto('/admin/users');
    await page.getByTestId('users').getByText('hefeng-banshi').waitFor();
    await screen('admin-users', 'Users and roles');
    await page.getByTestId('new-user-open').click();
    await screen('admin-new-user', 'Initial password');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.goto('/admin/calendar');
    await screen('admin-calendar', 'Days worked in exchange');
    await page.goto('/admin/webhooks');
    await screen('admin-webhooks', 'No failed deliveries');
    await page.goto('/admin/audit');
    await page.getByTestId('audit-verify').click();
    await screen('admin-audit', 'The audit chain holds');
  });
});
