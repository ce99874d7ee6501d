/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { createShanzhiClient, ok } from '@shanzhi/client';
import { readTemplateFolder } from '@shanzhi/template-kit/folder';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES_DIR } from '../../server/src/config.ts';
import { DEMO_PASSWORD, openStage, type Stage, signIn, snap } from './harness.ts';

/**
 * A village's template, in the browser: 鹤峰村's administrator finds 四议两公开 in the library,
 * lengthens its posting period (a new deployment), rolls it back, and takes 里水镇's new version
 * after deciding the one conflict it brings, which 里水镇 published from its library; a new village
 * adopts it with its own posting period and a field its first matter carries.
 */
describe('a village’s adoption of a template', () => {
  let stage: Stage;
  let page: Page;
  beforeAll(async () => {
    stage = await openStage();
    page = await (await stage.context()).newPage();
  });
  afterAll(() => stage?.close());

  const deployments = () => page.getByTestId('deployments').locator('.ant-timeline-item');
  const as = async (username: string) => {
    const api = createShanzhiClient({ baseUrl: stage.url });
    const { token } = await ok(api.POST('/api/auth/login', { body: { username, password: DEMO_PASSWORD } }));
    return createShanzhiClient({ baseUrl: stage.url, token: () => token });
  };

  /** On an adoption's page: adds the required field 资金来源 to the proposal (党组织提议), the first form a village may extend. */
  async function addFundSource(on: Page): Promise<void> {
    const adding = on.getByTestId('add-field');
    await on.getByTestId('field-form').click();
    // Chosen with the keyboard: the dropdown slides open, and a click by position could land on its neighbour.
    await on.locator('.ant-select-item-option').filter({ hasText: '党组织提议' }).waitFor();
    await on.keyboard.press('Enter');
    await adding.getByLabel('字段名').fill('fundSource');
    await adding.getByLabel('显示名称').fill('资金来源');
    await adding.getByLabel('必填').check();
    await on.getByTestId('add-field-submit').click();
    await expect.poll(() => on.getByTestId('added-fields').textContent()).toContain('资金来源');
  }

  it('shows the templates 里水镇 published, with where the village adopted them', async () => {
    await signIn(page, 'hefeng-guanli', DEMO_PASSWORD);
    await page.getByRole('link', { name: '模板' }).click();
    const keyMatters = page.getByTestId('template-key-matters');
    await expect.poll(() => keyMatters.textContent()).toContain('已采用 v1.0.0');
    await snap(page, '30-template-library');
    await keyMatters.getByTestId('adoption-link').click();
    await page.getByLabel('公示天数').waitFor();
  });

  it('changes the posting period as a new deployment, and rolls it back', async () => {
    await page.getByLabel('公示天数').fill('12');
    await page.getByRole('button', { name: '保存并部署' }).click();
    await expect.poll(() => deployments().count()).toBe(2);
    await snap(page, '31-adoption-customised');
    await page.getByTestId('rollback').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => deployments().count()).toBe(3);
    await expect.poll(() => page.getByLabel('公示天数').inputValue()).toBe('10');
  });

  it('takes the town’s new version once its conflict is decided', async () => {
    const v2 = structuredClone(readTemplateFolder(`${DEFAULT_TEMPLATES_DIR}/key-matters`)) as unknown as {
      manifest: { version: string };
      parameters: { schema: { properties: Record<string, Record<string, unknown>> } };
    };
    v2.manifest.version = '2.0.0';
    Object.assign(v2.parameters.schema.properties.postingDays as object, { minimum: 12, default: 12 });
    await ok((await as('lishui-sheji')).POST('/api/templates', { body: v2 as never }));
    // 里水镇's administrator publishes it from the library, raising the town's minimum to what 2.0.0 asks.
    const townBrowser = await stage.context();
    const town = await townBrowser.newPage();
    await signIn(town, 'lishui-guanli', DEMO_PASSWORD);
    await town.goto('/templates');
    await town.getByTestId('library-key-matters').getByTestId('publish-link').click();
    await town.getByTestId('bounds').waitFor();
    // The newest version is the one offered; the town's bounds of 1.0.0 come along, one now too loose.
    expect(await town.getByTestId('publish-version').textContent()).toContain('v2.0.0');
    await expect.poll(() => town.getByTestId('bound-past').count(), { timeout: 10_000 }).toBe(1);
    await town.getByLabel('公示天数 最小值').fill('12');
    await expect.poll(() => town.getByTestId('bound-past').count()).toBe(0);
    await town.getByLabel(/发布说明/).fill('公示期至少 12 天');
    await snap(town, '32a-town-publishes');
    await town.getByRole('button', { name: /^发\s*布$/ }).click();
    await town.waitForURL('**/templates');
    await expect.poll(() => town.getByTestId('library-key-matters').textContent(), { timeout: 10_000 }).toContain('已发布 v2.0.0');
    await townBrowser.close();
    await page.reload();
    await page.getByTestId('see-upgrade').click();
    await expect.poll(() => page.getByTestId('upgrade-changes').textContent()).toContain('公示天数');
    // Chosen with the keyboard: the dropdown slides open, and a click by position could land on its neighbour.
    await page.getByTestId('conflict-decision').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '采用镇里的默认值' }).waitFor();
    await page.keyboard.press('Enter');
    // The plan is asked again with the decision: the conflict goes once the server agrees it is settled.
    await expect.poll(() => page.getByTestId('conflict').count(), { timeout: 15_000 }).toBe(0);
    await snap(page, '32-upgrade-decided');
    await page.getByTestId('upgrade').click();
    await expect.poll(() => page.getByText('v2.0.0').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByLabel('公示天数').inputValue()).toBe('12');
    await snap(page, '33-upgraded');
  });

  it('adds a field to the proposal, which the next matter’s proposal shows', async () => {
    await addFundSource(page);
    await snap(page, '34-field-added');
    const started = await ok(
      (await as('hefeng-banshi')).POST('/api/process-instances', {
        body: {
          definitionKey: 'key_matters',
          orgUnit: '/nanhai/lishui/hefeng/',
          variables: { matterNo: 'HF-2026-120', matter: '村委会办公楼外墙翻新' },
        },
      }),
    );
    const proposal =
      started.tasks[0] ?? (await ok((await as('hefeng-shuji')).GET('/api/tasks'))).items.find((t) => t.instanceId === started.id);
    const secretary = await (await stage.context()).newPage();
    await signIn(secretary, 'hefeng-shuji', DEMO_PASSWORD);
    await secretary.goto(`/tasks/${proposal?.id}`);
    await secretary.getByLabel(/资金来源/).waitFor();
    await snap(secretary, '35-proposal-with-added-field');
  });

  it('lets a new village adopt it with its own posting period and field, which its first matter carries', async () => {
    // 里水镇 sets up 新联村 with an administrator, a secretary and a clerk (the admin screens have a journey of their own).
    const village = '/nanhai/lishui/xinlian/';
    const town = await as('lishui-guanli');
    await ok(town.POST('/api/org/units', { body: { path: village, name: '新联村', kind: 'village' } }));
    for (const [username, displayName, role] of [
      ['xinlian-guanli', '黄秀英', 'village-admin'],
      ['xinlian-shuji', '麦志坚', 'approver'],
      ['xinlian-banshi', '罗美玲', 'clerk'],
    ] as const) {
      await ok(
        town.POST('/api/org/users', { body: { username, displayName, password: DEMO_PASSWORD, grants: [{ role, unitPath: village }] } }),
      );
    }
    const browser = await stage.context();
    const admin = await browser.newPage();
    await signIn(admin, 'xinlian-guanli', DEMO_PASSWORD);
    await admin.goto('/templates');
    await admin.getByTestId('template-key-matters').getByTestId('adopt').click();
    // The town's 2.0.0 asks for 12 to 15 days of posting; 新联村 takes 14.
    await admin.getByLabel('公示天数').fill('14');
    await snap(admin, '36a-village-adopts');
    await admin.getByRole('button', { name: '采用并部署' }).click();
    await admin.waitForURL('**/templates/adoptions/*');
    await addFundSource(admin);
    await snap(admin, '36b-village-adopted');

    const started = await ok(
      (await as('xinlian-banshi')).POST('/api/process-instances', {
        body: { definitionKey: 'key_matters', orgUnit: village, variables: { matterNo: 'XL-2026-001', matter: '村道路灯安装' } },
      }),
    );
    const secretary = await as('xinlian-shuji');
    const instance = await ok(secretary.GET('/api/process-instances/{id}', { params: { path: { id: started.id } } }));
    expect(instance.variables.postingDays).toBe(14);
    const proposal = (await ok(secretary.GET('/api/tasks'))).items.find((t) => t.instanceId === started.id);
    // The secretary on a browser of their own (a browser keeps one session).
    const secretaryBrowser = await stage.context();
    const desk = await secretaryBrowser.newPage();
    await signIn(desk, 'xinlian-shuji', DEMO_PASSWORD);
    await desk.goto(`/tasks/${proposal?.id}`);
    await desk.getByLabel(/资金来源/).waitFor();
    await snap(desk, '36c-new-village-proposal');
    await secretaryBrowser.close();
    await browser.close();
  });

  it('lets 里水镇’s administrator pair its villages by a plan and apply it', async () => {
    const townBrowser = await stage.context();
    const town = await townBrowser.newPage();
    await signIn(town, 'lishui-guanli', DEMO_PASSWORD);
    await town.getByRole('link', { name: '模板' }).click();
    await town.getByTestId('pairing-link').click();
    const register = town.getByTestId('pairing-register');
    await expect.poll(() => register.textContent(), { timeout: 10_000 }).toContain('lishui-sheji');
    const form = town.getByTestId('pairing-form');
    const branches = form.getByLabel('机关党支部');
    const members = form.getByLabel('党员（用户名）');
    await branches.nth(0).fill('里水镇农业农村办党支部');
    await members.nth(0).fill('lishui-shenpi');
    await members.nth(0).press('Enter');
    await town.getByTestId('add-branch').click();
    await branches.nth(1).fill('里水镇党建办党支部');
    await members.nth(1).fill('lishui-sheji');
    await members.nth(1).press('Enter');
    await form.getByLabel('每个支部至多结对（个村）').fill('1');
    await town.getByTestId('pairing-preview').click();
    const planned = town.getByTestId('pairing-planned');
    await expect.poll(() => planned.locator('tr.ant-table-row').first().textContent(), { timeout: 10_000 }).toContain('lishui-shenpi');
    await snap(town, '36-pairing-plan');
    await town.getByTestId('pairing-apply').click();
    await expect
      .poll(() => register.locator('tr.ant-table-row').filter({ hasText: '鹤峰村' }).textContent(), { timeout: 15_000 })
      .toContain('lishui-shenpi');
  });
});
