/// <reference lib="dom" />

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createShanzhiClient, ok } from '@shanzhi/client';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHouseForm, HOUSE_FORM_KEY, publishForm, publishHouseForm } from './formBuilder.ts';
import { DEMO_PASSWORD, openStage, openTimed, type Stage, signIn, snap } from './harness.ts';

/**
 * 大沥镇's procedure designer builds 村民建房申请 in the form builder: a field of each kind the
 * application needs and a repeating group for the family, tries it in the preview against the
 * server's own validation, publishes it and opens it again.
 */
describe('the form builder', () => {
  let stage: Stage;
  let page: Page;
  beforeAll(async () => {
    stage = await openStage();
    page = await (await stage.context()).newPage();
  });
  afterAll(() => stage?.close());

  /** The names of the fields a container holds, in order (the form is `root`, a group its field id). */
  const names = (zone: ReturnType<Page['getByTestId']>) =>
    zone.locator(':scope > [data-field]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-field')));
  const cards = () => names(page.getByTestId('zone-root'));
  const preview = () => page.getByTestId('preview');
  /** The API as 谭振华 (dali-sheji) calls it. */
  const asDesigner = async () => {
    const api = createShanzhiClient({ baseUrl: stage.url });
    const { token } = await ok(api.POST('/api/auth/login', { body: { username: 'dali-sheji', password: DEMO_PASSWORD } }));
    return createShanzhiClient({ baseUrl: stage.url, token: () => token });
  };

  it('opens 表单设计 for a town designer in time', async () => {
    await signIn(page, 'dali-sheji', DEMO_PASSWORD);
    await page.getByRole('link', { name: '表单设计' }).waitFor();
    await openTimed(page, '/forms', page.getByTestId('new-form'));
    await openTimed(page, '/forms/new', page.getByTestId('palette-text'));
  });

  it('builds 村民建房申请 from the palette, by click and by drag, with the preview drawing it as it grows', async () => {
    await buildHouseForm(page);
    await expect.poll(() => cards(), { timeout: 10_000 }).toEqual(['applicant', 'floors', 'buildType', 'startDate', 'members']);
    await expect.poll(() => names(page.getByTestId('field-members').locator('[data-testid^="zone-"]'))).toEqual(['memberName', 'relation']);
    for (const label of ['申请人', '建房层数', '建房类型', '计划开工日期', '家庭成员', '姓名', '与户主关系'])
      await expect.poll(() => preview().textContent(), { timeout: 10_000 }).toContain(label);
    await snap(page, '40-form-builder');
  });

  it('moves a field with the up and down buttons', async () => {
    await page.getByTestId('field-startDate').getByTestId('move-up').click();
    await expect.poll(() => cards()).toEqual(['applicant', 'floors', 'startDate', 'buildType', 'members']);
    await page.getByTestId('field-startDate').getByTestId('move-down').click();
    await expect.poll(() => cards()).toEqual(['applicant', 'floors', 'buildType', 'startDate', 'members']);
  });

  it('asks before leaving unpublished work', async () => {
    await page.getByRole('link', { name: '待办' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '离开表单设计？' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '留下继续编辑' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/forms/new');
    expect(await cards()).toEqual(['applicant', 'floors', 'buildType', 'startDate', 'members']);
  });

  it('test-submits a bad value and shows the server’s error on that field', async () => {
    const applicant = preview()
      .locator('.ant-form-item')
      .filter({ has: page.locator('#root_applicant') })
      .last();
    await preview().locator('#root_applicant').fill('谭');
    await preview().locator('#root_floors').fill('2');
    await preview().getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('test-result').textContent(), { timeout: 10_000 }).toContain('服务器发现 1 处错误');
    await expect.poll(() => applicant.textContent()).toContain('至少填写 2 个字');
    await snap(page, '41-form-builder-test-submit');
    await preview().locator('#root_applicant').fill('谭振华');
    await preview().getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('test-result').textContent(), { timeout: 10_000 }).toContain('服务器校验通过');
  });

  it('tries the form as a step sees it: a hidden field is gone, a required one is refused empty', async () => {
    await preview().getByText('按办理步骤试看（字段规则）').click();
    await page.getByTestId('rule-floors').getByText('隐藏').click();
    await expect.poll(() => preview().locator('#root_floors').count()).toBe(0);
    await page.getByTestId('rule-buildType').getByText('必填').click();
    await preview().getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('test-result').textContent(), { timeout: 10_000 }).toContain('服务器发现 1 处错误');
    const buildType = preview()
      .locator('.ant-form-item')
      .filter({ has: page.locator('#root_buildType') })
      .last();
    await expect.poll(() => buildType.textContent()).toContain('此项必填');
    await snap(page, '42-form-builder-step-rules');
    await page.getByTestId('rule-floors').getByText('可编辑').click();
    await page.getByTestId('rule-buildType').getByText('可编辑').click();
  });

  it('publishes it, and opens the published version with the same fields', async () => {
    await publishForm(page);
    await page.goto('/forms');
    const row = page.getByTestId(`form-${HOUSE_FORM_KEY}`);
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('村民建房申请');
    await snap(page, '43-forms-list');
    await row.getByTestId('open-latest').click();
    await expect.poll(() => cards(), { timeout: 10_000 }).toEqual(['applicant', 'floors', 'buildType', 'startDate', 'members']);
    await expect.poll(() => page.getByTestId('form-title-en').inputValue()).toBe('Application to build a village house');
    await page.getByTestId('field-buildType').click();
    await expect.poll(() => page.getByTestId('option-zh-2').inputValue()).toBe('扩建');
    await snap(page, '44-form-reopened');
  });

  it('is listed by GET /api/forms with its schema as the builder wrote it', async () => {
    const designer = await asDesigner();
    const { items } = await ok(designer.GET('/api/forms', { params: { query: { key: HOUSE_FORM_KEY } } }));
    expect(items.map((f) => [f.key, f.version, f.unitPath, f.title])).toEqual([[HOUSE_FORM_KEY, 1, '/nanhai/dali/', '村民建房申请']]);
    const form = await ok(designer.GET('/api/forms/{id}', { params: { path: { id: items[0]?.id ?? '' } } }));
    expect(form.schema).toMatchObject({
      required: ['applicant'],
      properties: {
        applicant: { type: 'string', minLength: 2, maxLength: 50 },
        floors: { type: 'integer', minimum: 1, maximum: 3 },
        buildType: { enum: ['new', 'rebuild', 'extend'] },
        startDate: { format: 'date' },
        members: { type: 'array', items: { properties: { memberName: { type: 'string' }, relation: { type: 'string' } } } },
      },
    });
  });

  it('publishes the form again as version 2, and the list opens either version', async () => {
    const id = await publishHouseForm(page);
    const designer = await asDesigner();
    expect((await ok(designer.GET('/api/forms/{id}', { params: { path: { id } } }))).version).toBe(2);
    await page.goto('/forms');
    const row = page.getByTestId(`form-${HOUSE_FORM_KEY}`);
    await expect.poll(() => row.getByTestId('open-latest').textContent(), { timeout: 10_000 }).toBe('最新 v2');
    await row.locator('.ant-select').click();
    await page.keyboard.type('v1');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.endsWith(id) && url.pathname.startsWith('/forms/'));
    await expect.poll(() => page.getByText('在 v1 的基础上修改').count(), { timeout: 10_000 }).toBe(1);
  });

  it('reads in English: the builder’s words and the labels the designer gave in English', async () => {
    await page.evaluate(() => localStorage.setItem('shanzhi.language', 'en'));
    await page.reload();
    await page.getByTestId('palette-text').waitFor();
    expect(await page.getByTestId('palette-group').textContent()).toBe('Repeating group (e.g. family members)');
    await expect.poll(() => preview().textContent(), { timeout: 10_000 }).toContain('Kind of building');
    expect(await preview().textContent()).toContain('Family members');
    await snap(page, '45-form-builder-en');
    await page.evaluate(() => localStorage.setItem('shanzhi.language', 'zh-CN'));
  });

  it('opens a plain JSON Schema made in another tool, keeping the field no palette type shows, and shows the server’s refusal on its field', async () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: '宅基地使用申请',
      type: 'object',
      required: ['householder'],
      properties: {
        householder: { type: 'string', title: '户主', maxLength: 20 },
        area: { type: 'number', title: '申请面积（平方米）', minimum: 0, maximum: 150 },
        contact: {
          anyOf: [
            { type: 'string', format: 'cn-mobile' },
            { type: 'string', format: 'email' },
          ],
          title: '联系方式',
        },
        plot: { type: 'string', title: '地块编号', pattern: '^(a+)+$' },
      },
    };
    const file = join(mkdtempSync(join(tmpdir(), 'shanzhi-form-')), 'homestead.schema.json');
    writeFileSync(file, JSON.stringify(schema));
    await page.goto('/forms');
    await page.getByTestId('open-file').waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.waitForURL('**/forms/new');
    await expect.poll(() => cards(), { timeout: 10_000 }).toEqual(['householder', 'area', 'contact', 'plot']);
    expect(await page.getByTestId('kept-fields').textContent()).toContain('contact');
    expect(await page.getByTestId('form-title').inputValue()).toBe('宅基地使用申请');
    await page.getByTestId('form-key').fill('homestead-application');

    // A pattern that can take seconds on a crafted value: the server refuses it and says so on 地块编号.
    await page.getByTestId('publish').click();
    await expect.poll(() => page.getByTestId('publish-refused').textContent(), { timeout: 10_000 }).toContain('服务器未接受');
    await expect.poll(() => page.getByTestId('field-plot').getByTestId('field-problem').count()).toBe(1);
    await snap(page, '46-form-opened-from-file-refused');
    await page.getByTestId('field-plot').getByTestId('remove-field').click();
    await publishForm(page);

    const designer = await asDesigner();
    const id = page.url().split('/').at(-1) ?? '';
    const { plot: _refused, ...kept } = schema.properties;
    expect((await ok(designer.GET('/api/forms/{id}', { params: { path: { id } } }))).schema).toEqual({ ...schema, properties: kept });
  });
});
