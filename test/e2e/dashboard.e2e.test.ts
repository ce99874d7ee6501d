/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { createShanzhiClient, ok } from '@shanzhi/client';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, openStage, openTimed, type Stage, signIn, snap } from './harness.ts';

/**
 * 统计 in the browser: 里水镇's administrator sees the villages' open, overdue and closed matters
 * (the demo's two months of requests), the same numbers the API gives, and downloads the tables;
 * 鹤峰村's administrator sees 鹤峰村 alone.
 */
describe('the dashboard', () => {
  let stage: Stage;
  let page: Page;
  const scripts: string[] = [];
  beforeAll(async () => {
    stage = await openStage();
    page = await (await stage.context()).newPage();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
  });
  afterAll(() => stage?.close());

  const tokenOf = async (username: string) =>
    (await ok(createShanzhiClient({ baseUrl: stage.url }).POST('/api/auth/login', { body: { username, password: DEMO_PASSWORD } }))).token;
  /** The API's answer to the very request the page made, asked again with the person's own token. */
  const askAgain = async (url: string, username: string) =>
    fetch(url, { headers: { authorization: `Bearer ${await tokenOf(username)}` } }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { total: { overdue: number; open: number } },
    }));
  const rowsOf = (testId: string) =>
    page
      .getByTestId(testId)
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));

  it('opens for the town administrator with the overdue count the API reports, ECharts loaded only here', async () => {
    await signIn(page, 'lishui-guanli', DEMO_PASSWORD);
    expect(scripts.filter((s) => /Dashboard-|Chart-/.test(s))).toEqual([]);
    const asked = page.waitForRequest((r) => r.url().includes('/api/stats/matters?') && r.url().includes('by=unit'));
    await openTimed(page, '/dashboard', page.getByTestId('dashboard-units-csv'));
    const api = await askAgain((await asked).url(), 'lishui-guanli');
    expect(api.status).toBe(200);
    expect(api.body.total.overdue).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('dashboard-overdue').locator('.ant-statistic-content-value').textContent(), { timeout: 10_000 })
      .toBe(String(api.body.total.overdue));
    expect(await page.getByTestId('dashboard-open').locator('.ant-statistic-content-value').textContent()).toBe(
      String(api.body.total.open),
    );
    const villages = (await rowsOf('dashboard-units')).map((cells) => cells[0]);
    expect(villages).toEqual(expect.arrayContaining(['鹤峰村', '宏岗村']));
    await page.getByTestId('dashboard-unit-chart').locator('canvas').waitFor();
    await page.getByTestId('dashboard-trend-chart').locator('canvas').waitFor();
    // The screen's own chunk, then ECharts in its own, after the numbers.
    expect(scripts.filter((s) => /Dashboard-|Chart-/.test(s)).map((s) => s.replace(/^.*\/(\w+)-.*$/, '$1'))).toEqual([
      'Dashboard',
      'Chart',
    ]);
    await snap(page, '40-dashboard-town');
  });

  it('counts one procedure when one is chosen, as the API does', async () => {
    const asked = page.waitForRequest((r) => r.url().includes('by=unit') && r.url().includes('definitionKey=village_request'));
    await page.getByTestId('dashboard-procedure').click();
    await page.keyboard.type('村级事务申报');
    await page.keyboard.press('Enter');
    const api = await askAgain((await asked).url(), 'lishui-guanli');
    await expect
      .poll(() => page.getByTestId('dashboard-open').locator('.ant-statistic-content-value').textContent(), { timeout: 10_000 })
      .toBe(String(api.body.total.open));
    expect(await page.getByTestId('dashboard-overdue').locator('.ant-statistic-content-value').textContent()).toBe(
      String(api.body.total.overdue),
    );
    expect((await rowsOf('dashboard-procedures')).map((cells) => cells[0])).toEqual(['村级事务申报（书记审核·两委会签·公示）']);
    await snap(page, '43-dashboard-one-procedure');
  });

  it('downloads the village table as CSV with the rows shown, and as an Excel workbook', async () => {
    const shown = await rowsOf('dashboard-units');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-units-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^各村（社区）办理情况-里水镇\.csv$/);
    const bytes = readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(header).toBe('村（社区）,发起,在办,逾期,按期办结,逾期办结,办结率');
    expect(lines.map((line) => line.split(','))).toEqual(shown);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-units-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe('各村（社区）办理情况-里水镇.xlsx');
    // An .xlsx is a zip archive.
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
  });

  it('shows a village administrator their own village only', async () => {
    const village = await (await stage.context()).newPage();
    await signIn(village, 'hefeng-guanli', DEMO_PASSWORD);
    await village.getByRole('link', { name: '统计' }).click();
    await village.getByTestId('dashboard-units-csv').waitFor();
    await expect
      .poll(() => village.getByTestId('dashboard-units').locator('tbody tr.ant-table-row td:first-child').allTextContents(), {
        timeout: 10_000,
      })
      .toEqual(['鹤峰村']);
    await village.getByTestId('dashboard-unit').click();
    expect(await village.locator('.ant-select-dropdown .ant-select-item-option').allTextContents()).not.toContain('宏岗村');
    await village.keyboard.press('Escape');
    const town = `${stage.url}/api/stats/matters?unit=${encodeURIComponent('/nanhai/lishui/')}&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z`;
    expect((await askAgain(town, 'hefeng-guanli')).status).toBe(404);
    await snap(village, '41-dashboard-village');
  });

  it('reads in English, the names of units and procedures as they were written', async () => {
    const context = await stage.context({ locale: 'en-GB' });
    await context.addInitScript(() => localStorage.setItem('shanzhi.language', 'en'));
    const english = await context.newPage();
    await signIn(english, 'lishui-guanli', DEMO_PASSWORD);
    await english.getByRole('link', { name: 'Statistics' }).click();
    await english.getByText('By village').waitFor();
    for (const text of ['Open', 'Overdue', 'Closed on time', 'Closure rate', 'By procedure', 'Trend', 'Export CSV', 'Export Excel'])
      await english.getByText(text, { exact: true }).first().waitFor();
    await english.getByTestId('dashboard-unit-chart').locator('canvas').waitFor();
    await snap(english, '42-dashboard-english');
  });
});
