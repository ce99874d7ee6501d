/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFile } from 'node:fs/promises';
import { createShanzhiClient, ok } from '@shanzhi/client';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUSE_FORM_KEY, publishHouseForm } from './formBuilder.ts';
import { DEMO_PASSWORD, openStage, openTimed, type Stage, signIn, snap } from './harness.ts';

const POLL = { timeout: 10_000 };

/** The ids of the elements selected on the canvas (a new element is selected as it is made). */
const selection = (page: Page) =>
  page.locator('.djs-element.selected').evaluateAll((all) => all.map((e) => e.getAttribute('data-element-id') as string));

async function selected(page: Page): Promise<string | undefined> {
  return (await selection(page))[0];
}

/** Selects a shape by clicking it (a click on the one selected already would deselect it: bpmn-js toggles). */
async function select(page: Page, id: string): Promise<void> {
  if ((await selected(page)) === id) return;
  await page.locator(`.djs-shape[data-element-id="${id}"]`).click();
  await expect.poll(() => selected(page), POLL).toBe(id);
}

/** Selects a sequence flow by clicking halfway along its line. */
async function selectFlow(page: Page, id: string): Promise<void> {
  const point = await page
    .locator(`.djs-connection[data-element-id="${id}"] .djs-hit`)
    .first()
    .evaluate((hit) => {
      const line = hit as SVGPathElement;
      const p = line.getPointAtLength(line.getTotalLength() / 2);
      const m = line.getScreenCTM() as DOMMatrix;
      return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
    });
  await page.mouse.click(point.x, point.y);
  await expect.poll(() => selected(page), POLL).toBe(id);
}

const flowIds = (page: Page) =>
  page.locator('.djs-connection').evaluateAll((all) => all.map((c) => c.getAttribute('data-element-id') as string));

/** Appends a step to `from` with its context pad; answers the new step and the flow to it. */
async function append(page: Page, from: string, action: string): Promise<{ id: string; flow: string }> {
  await select(page, from);
  const before = await flowIds(page);
  await page.locator(`.djs-context-pad [data-action="${action}"]`).click();
  await expect.poll(() => selected(page), POLL).not.toBe(from);
  const flow = (await flowIds(page)).find((f) => !before.includes(f));
  if (!flow) throw new Error(`no flow from ${from}`);
  return { id: (await selected(page)) as string, flow };
}

/** Opens a properties-panel group by its title, unless it is open already. */
async function group(page: Page, title: string): Promise<void> {
  const header = page.locator('.bio-properties-panel-group-header').filter({ hasText: new RegExp(`^${title}$`) });
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
}

/** The properties panel writes a typed value this long after the typing stops (bpmn-js-properties-panel's debounceInput). */
const PANEL_DEBOUNCE_MS = 300;

/**
 * Types into a panel field and waits until the change is written, so the next click on the canvas
 * does not land as the element is redrawn under the pointer (which would swallow that click).
 */
async function type(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(text);
  await page.waitForTimeout(PANEL_DEBOUNCE_MS * 2);
}

async function name(page: Page, text: string): Promise<void> {
  await group(page, '基本信息');
  await type(page, '名称', text);
}

/** Saves the diagram with 保存为 .bpmn and answers the file's text. */
async function save(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('design-save').click();
  return readFile(await (await download).path(), 'utf8');
}

async function open(page: Page, xml: string, fileName: string): Promise<void> {
  await page.getByTestId('design-file').setInputFiles({ name: fileName, mimeType: 'application/xml', buffer: Buffer.from(xml) });
}

/** A file as Camunda Modeler writes it, with camunda:, zeebe: and a vendor's own extensions. */
const CAMUNDA_FILE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:acme="https://acme.example/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
  <bpmn:process id="leave_request" name="请假审批" isExecutable="true" camunda:historyTimeToLive="180" acme:owner="hr">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="approve" name="审批" camunda:assignee="hefeng-shuji" acme:priority="high">
      <bpmn:extensionElements>
        <zeebe:assignmentDefinition assignee="hefeng-shuji" />
        <zeebe:taskHeaders>
          <zeebe:header key="channel" value="sms" />
        </zeebe:taskHeaders>
        <acme:audit level="full" />
      </bpmn:extensionElements>
    </bpmn:userTask>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="leave_request">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
        <dc:Bounds x="152" y="102" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="approve_di" bpmnElement="approve">
        <dc:Bounds x="240" y="80" width="100" height="80" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

/**
 * A town designer builds a form in the form builder and draws a procedure in the browser: a clerk's
 * step with that form and a field rule, a
 * countersign of the two committees, a gateway whose condition the server checks as it is typed;
 * checks it, saves it (the file reopens and saves to the same bytes), deploys it at a village, and
 * that village's clerk starts it and finds the first step in the inbox.
 */
describe('the procedure designer', () => {
  let stage: Stage;
  let page: Page;
  let saved = '';
  beforeAll(async () => {
    stage = await openStage();
    page = await (await stage.context()).newPage();
  });
  afterAll(() => stage?.close());

  it('lists the procedures deployed in the designer’s units, and opens a new one quickly', async () => {
    await signIn(page, 'dali-sheji', DEMO_PASSWORD);
    await expect.poll(() => page.getByRole('link', { name: '流程设计' }).count(), POLL).toBe(1);
    await openTimed(page, '/design', page.getByTestId('design-new'));
    await expect.poll(() => page.getByTestId('design-open').count(), POLL).toBeGreaterThan(0);
    await snap(page, 'design-01-list');
    await page.getByTestId('design-new').click();
    await page.waitForURL('**/design/new');
    await openTimed(page, '/design/new', page.locator('.djs-palette [data-action="create.user-task"]'));
    await expect.poll(() => page.locator('.bjs-powered-by').isVisible(), POLL).toBe(true);
  });

  it('builds the form the first step shows, in the form builder', async () => {
    await publishHouseForm(page);
    await page.goto('/design/new');
    await page.locator('.djs-palette [data-action="create.user-task"]').waitFor(POLL);
  });

  it('draws a clerk’s step with a form and a rule, a countersign and a checked condition', async () => {
    // Where it will run first: the forms offered are those deployed there or above.
    await page.getByTestId('design-unit').click();
    await page.keyboard.type('太平');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('design-unit').textContent(), POLL).toContain('太平社区');
    await page.getByTestId('design-canvas').click({ position: { x: 600, y: 60 } });
    await name(page, '村务支出审批');

    const fill = await append(page, 'start', 'append.user-task');
    await name(page, '填写申请');
    await group(page, '办理人');
    await page.getByLabel('办理人', { exact: true }).selectOption('taiping-banshi');
    await group(page, '表单');
    await page.getByLabel('表单', { exact: true }).selectOption(HOUSE_FORM_KEY);
    const rule = page.getByRole('radio', { name: '建房层数：必填' });
    await rule.waitFor(POLL);
    await rule.check();
    await group(page, '期限');
    await type(page, '办理期限', 'P3WD');

    const countersign = await append(page, fill.id, 'append.user-task');
    await name(page, '两委会签');
    await group(page, '审批方式');
    await page.getByLabel('审批方式', { exact: true }).selectOption('all');
    // The members picked from the list with the mouse, written out as the engine reads them.
    await page.getByLabel('从名单添加参与人', { exact: true }).selectOption('taiping-shuji');
    await page.getByLabel('从名单添加参与人', { exact: true }).selectOption('taiping-liangwei');
    await expect.poll(() => page.getByLabel('参与人', { exact: true }).inputValue(), POLL).toBe('taiping-shuji, taiping-liangwei');

    const gateway = await append(page, countersign.id, 'append.gateway');
    const passed = await append(page, gateway.id, 'append.end-event');
    await name(page, '同意');
    const rejected = await append(page, gateway.id, 'append.end-event');
    await name(page, '不同意');

    await selectFlow(page, rejected.flow);
    await group(page, '条件');
    await type(page, '流转条件', 'approval.outcome != "passed"');

    // A broken condition: the server's check says so under the field as it is typed, and 校验 marks the flow.
    await selectFlow(page, passed.flow);
    await type(page, '流转条件', 'approval.outcome = ');
    await page.getByTestId('feel-problem').waitFor(POLL);
    await page.getByRole('button', { name: /校\s*验/ }).click();
    await page.getByTestId(`problem-badge-${passed.flow}`).waitFor(POLL);
    await expect.poll(() => page.getByTestId('problem-list').textContent(), POLL).toContain(passed.flow);
    await snap(page, 'design-02-broken-condition');

    await select(page, fill.id);
    await page.getByTestId('problem').first().click();
    await expect.poll(() => selected(page), POLL).toBe(passed.flow);
    await type(page, '流转条件', 'approval.outcome = "passed"');
    await expect.poll(() => page.getByTestId('feel-problem').count(), POLL).toBe(0);
  });

  it('passes the server’s check once the condition is mended', async () => {
    await page.getByRole('button', { name: /校\s*验/ }).click();
    await page.getByTestId('check-passed').waitFor(POLL);
    await expect.poll(() => page.locator('.sz-problem-badge').count(), POLL).toBe(0);
    await snap(page, 'design-03-checked');
  });

  it('saves a .bpmn file that reopens and saves to the same bytes', async () => {
    saved = await save(page);
    expect(saved).toContain('<sz:assignment assignee="taiping-banshi" />');
    expect(saved).toMatch(/<sz:form key="house-building-application">\s*<sz:field name="floors" access="required" \/>/);
    expect(saved).toContain('<sz:approval mode="all" members="taiping-shuji, taiping-liangwei" />');
    expect(saved).toContain('<sz:schedule dueDate="P3WD" />');
    expect(saved).toContain('approval.outcome = "passed"');
    await open(page, saved, 'village-expense.bpmn');
    await page.locator('.djs-shape[data-element-id="start"]').waitFor(POLL);
    expect(await save(page)).toBe(saved);
  });

  it('keeps everything a Camunda Modeler file came with', async () => {
    await open(page, CAMUNDA_FILE, 'leave.bpmn');
    await page.locator('.djs-shape[data-element-id="approve"]').waitFor(POLL);
    const again = await save(page);
    for (const kept of [
      'camunda:historyTimeToLive="180"',
      'acme:owner="hr"',
      'camunda:assignee="hefeng-shuji"',
      'acme:priority="high"',
      '<zeebe:assignmentDefinition assignee="hefeng-shuji" />',
      '<zeebe:header key="channel" value="sms" />',
      '<acme:audit level="full" />',
      'modeler:executionPlatform="Camunda Cloud"',
    ])
      expect(again).toContain(kept);
    await open(page, saved, 'village-expense.bpmn');
    await page.locator('.djs-shape[data-element-id="start"]').waitFor(POLL);
  });

  it('deploys it, and the village’s clerk starts it and finds the first step in the inbox', async () => {
    await page.getByRole('button', { name: /部\s*署/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('太平社区').waitFor(POLL);
    await dialog.getByLabel('版本说明').fill('第一版：办事员填报，两委会签');
    await snap(page, 'design-04-deploy-dialog');
    await dialog.getByRole('button', { name: /部\s*署/ }).click();
    await page.waitForURL(/\/design\/[0-9a-f-]{36}$/, POLL);
    // The deployed version opens again, for the unit it runs at.
    await expect.poll(() => page.getByTestId('design-unit').textContent(), POLL).toContain('太平社区');
    await page.getByRole('status').waitFor({ state: 'hidden', ...POLL });
    await page.locator('.djs-shape[data-element-id="start"]').waitFor(POLL);
    await snap(page, 'design-05-deployed');

    const key = /<bpmn:process id="([^"]+)"/.exec(saved)?.[1] as string;
    const api = createShanzhiClient({ baseUrl: stage.url });
    const { token } = await ok(api.POST('/api/auth/login', { body: { username: 'dali-sheji', password: DEMO_PASSWORD } }));
    const { items } = await ok(
      createShanzhiClient({ baseUrl: stage.url, token: () => token }).GET('/api/process-definitions', { params: { query: { key } } }),
    );
    expect(items.map((d) => [d.unitPath, d.version, d.name, d.note])).toEqual([
      ['/nanhai/dali/taiping/', 1, '村务支出审批', '第一版：办事员填报，两委会签'],
    ]);

    const clerk = await (await stage.context()).newPage();
    await signIn(clerk, 'taiping-banshi', DEMO_PASSWORD);
    await clerk.goto('/start');
    await clerk.getByTestId(`start-${key}`).click();
    await clerk.getByRole('button', { name: /发\s*起/ }).click();
    await clerk.waitForURL('**/tasks/**', POLL);
    // The step shows the form built in the form builder, with the step's own rule.
    await clerk.getByLabel(/建房层数/).waitFor(POLL);
    await clerk.getByText('家庭成员').first().waitFor(POLL);
    await snap(clerk, 'design-06a-clerk-step');
    await clerk.goto('/inbox');
    await expect.poll(() => clerk.getByText('填写申请').count(), POLL).toBeGreaterThan(0);
    await snap(clerk, 'design-06-clerk-inbox');
  });
  it('reads in English once the designer switches', async () => {
    await page.getByTestId('account').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Check' }).waitFor(POLL);
    await page.locator('.djs-shape[data-element-id="start"]').waitFor(POLL);
    const task = await page.locator('.djs-shape[data-element-id^="Activity_"]').first().getAttribute('data-element-id');
    await select(page, task as string);
    for (const title of ['General', 'Assignment', 'Form', 'Approval', 'Due date'])
      await page
        .locator('.bio-properties-panel-group-header')
        .filter({ hasText: new RegExp(`^${title}$`) })
        .waitFor(POLL);
    await snap(page, 'design-07-english');
  });
});
