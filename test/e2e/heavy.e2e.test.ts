import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, openStage, type Stage, signIn } from './harness.ts';

/**
 * Strings each heavy library's code carries whatever the bundler names its chunks: a screen that
 * fetched no script holding them did not load the library.
 */
const SIGNATURES = {
  'bpmn-js': 'bjs-powered-by',
  echarts: '_echarts_instance_',
  'dnd-kit': 'DndLiveRegion',
} as const;
type Library = keyof typeof SIGNATURES;

/** The libraries whose code the scripts fetched while `visit` ran hold. */
async function librariesLoadedBy(page: Page, visit: () => Promise<void>): Promise<Library[]> {
  const scripts: Promise<string>[] = [];
  const collect = (response: import('playwright-core').Response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
  };
  page.on('response', collect);
  await visit();
  await page.waitForLoadState('networkidle');
  page.off('response', collect);
  const code = (await Promise.all(scripts)).join('\n');
  return (Object.keys(SIGNATURES) as Library[]).filter((library) => code.includes(SIGNATURES[library]));
}

/**
 * Issue 13: bpmn-js, ECharts and the form builder's drag-and-drop load only on the screens that
 * draw with them, so a clerk's daily screens stay light on a village office's connection.
 */
describe('heavy libraries load only where they are used', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(() => stage?.close());

  /** A fresh browser signed in as `username`, so nothing is cached from another screen. */
  async function freshPage(username: string): Promise<Page> {
    const page = await (await stage.context()).newPage();
    await signIn(page, username, DEMO_PASSWORD);
    return page;
  }

  it('keeps every one of them off the sign-in page and the daily screens', async () => {
    const page = await (await stage.context()).newPage();
    expect(await librariesLoadedBy(page, () => page.goto('/login').then(() => undefined))).toEqual([]);
    const clerk = await freshPage('hefeng-banshi');
    for (const path of ['/inbox', '/start', '/mine', '/registers', '/notifications']) {
      expect(await librariesLoadedBy(clerk, () => clerk.goto(path).then(() => undefined)), path).toEqual([]);
    }
  });

  it('loads each on its own screen only', async () => {
    const cases: [string, Library[]][] = [
      ['/design/new', ['bpmn-js']],
      ['/forms/new', ['dnd-kit']],
      ['/dashboard', ['echarts']],
    ];
    for (const [path, expected] of cases) {
      const page = await freshPage('lishui-sheji');
      expect(await librariesLoadedBy(page, () => page.goto(path).then(() => undefined)), path).toEqual(expected);
      await page.context().close();
    }
  });
});
