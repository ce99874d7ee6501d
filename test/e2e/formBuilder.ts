/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** The key 村民建房申请 is published under, so a procedure's journey can bind it. */
export const HOUSE_FORM_KEY = 'house-building-application';

/** The builder's properties panel: it shows under the field selected last. */
const properties = (page: Page) => page.getByTestId('field-properties');

/** Names and labels the field just added (it is selected, its properties open). */
async function describeField(page: Page, name: string, title: string, titleEn: string): Promise<void> {
  await properties(page).getByTestId('prop-name').fill(name);
  await properties(page).getByTestId('prop-title').fill(title);
  await properties(page).getByTestId('prop-title-en').fill(titleEn);
  await page.getByTestId(`field-${name}`).waitFor();
}

/** Adds a field of `kind` by clicking its palette entry: into the selected group, or after the selected field. */
async function addField(page: Page, kind: string, name: string, title: string, titleEn: string): Promise<void> {
  await page.getByTestId(`palette-${kind}`).click();
  await describeField(page, name, title, titleEn);
}

/** Drags a palette entry to the bottom of the form with the mouse, as a designer does (dnd-kit needs real moves). */
async function dragToForm(page: Page, kind: string): Promise<void> {
  // The mouse only reaches what is on screen: the form's end first, then the palette entry (the page
  // may have scrolled to show it), both measured once nothing moves any more.
  await page.getByTestId('zone-root').evaluate((zone) => zone.scrollIntoView({ block: 'end' }));
  await page.getByTestId(`palette-${kind}`).scrollIntoViewIfNeeded();
  const from = await page.getByTestId(`palette-${kind}`).boundingBox();
  const zone = await page.getByTestId('zone-root').boundingBox();
  const viewport = page.viewportSize();
  if (!from || !zone || !viewport) throw new Error('the palette and the form are on the page');
  const target = { x: zone.x + zone.width / 2, y: Math.min(zone.y + zone.height - 3, viewport.height - 2) };
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(target.x, target.y, { steps: 15 });
  // One more move on the target: dnd-kit finds what is under the pointer as it moves.
  await page.mouse.move(target.x, target.y - 1);
  await page.mouse.up();
}

/**
 * Builds 村民建房申请 in the form builder (the page is on /forms/new): 申请人 (text, required, 2–50 characters),
 * 建房层数 (1–3 floors), 建房类型 (新建 / 翻建 / 扩建), 计划开工日期 (dragged from the palette) and
 * the repeating group 家庭成员 with 姓名 and 与户主关系. It is not published yet.
 */
export async function buildHouseForm(page: Page): Promise<void> {
  await page.getByTestId('form-key').fill(HOUSE_FORM_KEY);
  await page.getByTestId('form-title').fill('村民建房申请');
  await page.getByTestId('form-title-en').fill('Application to build a village house');

  await addField(page, 'text', 'applicant', '申请人', 'Applicant');
  await properties(page).getByTestId('prop-required').click();
  await properties(page).getByTestId('prop-minLength').fill('2');
  await properties(page).getByTestId('prop-maxLength').fill('50');

  await addField(page, 'integer', 'floors', '建房层数', 'Floors');
  await properties(page).getByTestId('prop-minimum').fill('1');
  await properties(page).getByTestId('prop-maximum').fill('3');

  await addField(page, 'choice', 'buildType', '建房类型', 'Kind of building');
  const options: [string, string, string][] = [
    ['new', '新建', 'New'],
    ['rebuild', '翻建', 'Rebuilt'],
    ['extend', '扩建', 'Extended'],
  ];
  for (const [i, [value, zh, en]] of options.entries()) {
    if (i > 0) await properties(page).getByTestId('add-option').click();
    await properties(page).getByTestId(`option-value-${i}`).fill(value);
    await properties(page).getByTestId(`option-zh-${i}`).fill(zh);
    await properties(page).getByTestId(`option-en-${i}`).fill(en);
  }

  // Closed properties keep the form short, so its end is on screen to drop onto.
  await page.getByTestId('canvas').click({ position: { x: 10, y: 10 } });
  await properties(page).waitFor({ state: 'detached' });
  await dragToForm(page, 'date');
  await describeField(page, 'startDate', '计划开工日期', 'Planned start');

  await addField(page, 'group', 'members', '家庭成员', 'Family members');
  await addField(page, 'text', 'memberName', '姓名', 'Name');
  await addField(page, 'text', 'relation', '与户主关系', 'Relation to the householder');
}

/** Publishes what the builder holds and waits for the version the server gave it. */
export async function publishForm(page: Page): Promise<void> {
  await page.getByTestId('publish').click();
  await page.waitForURL(/\/forms\/(?!new)[^/]+$/, { timeout: 10_000 });
}

/** Builds and publishes 村民建房申请 from a fresh builder; answers the id of the version published. */
export async function publishHouseForm(page: Page): Promise<string> {
  await page.goto('/forms/new');
  await page.getByTestId('palette-text').waitFor();
  await buildHouseForm(page);
  await publishForm(page);
  return new URL(page.url()).pathname.split('/').at(-1) ?? '';
}
