import { join } from 'node:path';
import { compile } from '@shanzhi/engine';
import { describe, expect, it } from 'vitest';
import { readTemplateFolder } from '../src/folder.ts';
import { changesBetween, packageProblems, render, settingsProblems, type TemplatePackage, upgradeOverlay } from '../src/index.ts';

const KEY_MATTERS = readTemplateFolder(join(import.meta.dirname, '../../../templates/key-matters'));

// biome-ignore lint/suspicious/noExplicitAny: a test edits the package's JSON as freely as an author would
type Editable = { -readonly [K in keyof TemplatePackage]: any };

/** A later version of the package: `edit` changes a deep copy. */
function nextVersion(version: string, edit: (pkg: Editable) => void): TemplatePackage {
  const pkg = structuredClone(KEY_MATTERS) as Editable;
  pkg.manifest.version = version;
  edit(pkg);
  return pkg as TemplatePackage;
}

const proposal = (pkg: TemplatePackage) => pkg.forms.find((f) => f.key === 'key-matters-proposal');
const mustRender = (...args: Parameters<typeof render>) => {
  const result = render(...args);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.rendering;
};

describe('a template package', () => {
  it('is one when it ships with a default for every parameter and renders into a model the engine runs', async () => {
    expect(packageProblems(KEY_MATTERS, 'zh-CN')).toEqual([]);
    const rendering = mustRender(KEY_MATTERS, {}, {}, 'zh-CN');
    const compiled = await compile(rendering.xml);
    expect(compiled.ok).toBe(true);
    expect(rendering.variables).toMatchObject({ postingDays: 7, repQuorum: '2/3', filingThreshold: 300000 });
    expect(rendering.xml).toContain('days="7"');
    expect(rendering.xml).not.toContain('{{');
    expect(proposal(rendering as unknown as TemplatePackage)?.schema.properties).toMatchObject({
      matterType: { enum: expect.arrayContaining(['集体收益使用', '宅基地使用方案']) },
    });
  });

  it('is refused naming what is missing: a default, a parameter a placeholder names', () => {
    const broken = nextVersion('1.0.1', (pkg) => {
      delete pkg.parameters.schema.properties.postingDays.default;
      pkg.process = pkg.process.replace('days="{{postingDays}}"', 'days="{{postingDay}}"');
    });
    expect(packageProblems(broken, 'zh-CN').map((p) => [p.code, p.path])).toEqual([
      ['parameter-default-missing', 'parameters/postingDays'],
      ['placeholder-unknown', 'process'],
    ]);
  });

  it('keeps registers on its own forms, each keyed by a required field, and renders them for the unit', () => {
    const withRegister = (register: Record<string, unknown>) =>
      nextVersion('1.1.0', (pkg) => {
        pkg.manifest.registers = { matters: { name: { 'zh-CN': '事项台账', en: 'Matters' }, form: 'key-matters-proposal', ...register } };
      });
    const kept = withRegister({ key: 'matter' });
    expect(packageProblems(kept, 'zh-CN')).toEqual([]);
    expect(mustRender(kept, {}, {}, 'zh-CN').registers).toEqual([
      { id: 'matters', name: { 'zh-CN': '事项台账', en: 'Matters' }, formKey: 'key-matters-proposal', keyField: 'matter' },
    ]);
    expect(packageProblems(withRegister({ key: 'matterNo' }), 'en')).toEqual([
      expect.objectContaining({ path: 'manifest/registers/matters', message: expect.stringContaining('no required field') }),
    ]);
    expect(packageProblems(withRegister({ key: 'matter', form: 'houses' }), 'en')[0]?.message).toContain('houses');
  });
});

describe('a town publishing it', () => {
  it('may narrow the bounds and set its own defaults within the template’s', () => {
    expect(
      settingsProblems(KEY_MATTERS, { bounds: { postingDays: { minimum: 7, maximum: 15 } }, defaults: { postingDays: 10 } }, 'zh-CN'),
    ).toEqual([]);
  });

  it('may not go past the template’s bounds (the law’s), leave no value, or default outside its own bounds', () => {
    const looser = settingsProblems(KEY_MATTERS, { bounds: { postingDays: { minimum: 3 }, repQuorum: { enum: ['1/2'] } } }, 'zh-CN');
    expect(looser.map((p) => [p.code, p.path])).toEqual([
      ['bound-looser', 'bounds/postingDays/minimum'],
      ['bound-looser', 'bounds/repQuorum/enum'],
    ]);
    expect(looser[0]?.message).toContain('postingDays');
    const empty = settingsProblems(KEY_MATTERS, { bounds: { postingDays: { minimum: 20, maximum: 10 } } }, 'zh-CN');
    expect(empty.map((p) => p.code)).toEqual(['bound-empty']);
    const outside = settingsProblems(KEY_MATTERS, { bounds: { postingDays: { maximum: 10 } }, defaults: { postingDays: 12 } }, 'zh-CN');
    expect(outside).toEqual([
      expect.objectContaining({ code: 'parameter-invalid', path: 'defaults/postingDays', message: expect.stringContaining('公示天数') }),
    ]);
  });
});

describe('a village’s overlay', () => {
  const town = { bounds: { postingDays: { minimum: 7, maximum: 15 } }, defaults: { filingThreshold: 200000 } };

  it('sets parameters, adds a field and names the procedure; the rest follows the town, then the template', () => {
    const rendering = mustRender(
      KEY_MATTERS,
      town,
      {
        parameters: { postingDays: 10, matters: [{ type: '村道建设', threshold: 30000, body: '村民代表会议' }] },
        fields: {
          'key-matters-proposal': [
            { op: 'add', path: '/schema/properties/fundSource', value: { type: 'string', title: '资金来源', maxLength: 200 } },
            { op: 'add', path: '/schema/required/-', value: 'fundSource' },
            { op: 'add', path: '/uiSchema/ui:order/4', value: 'fundSource' },
          ],
        },
        name: '鹤峰村重要事项决策',
      },
      'zh-CN',
    );
    expect(rendering.variables).toMatchObject({ postingDays: 10, filingThreshold: 200000, repQuorum: '2/3' });
    expect(rendering.xml).toContain('days="10"');
    expect(rendering.xml).toContain('name="鹤峰村重要事项决策"');
    const form = rendering.forms.find((f) => f.key === 'key-matters-proposal');
    expect(form?.schema.required).toContain('fundSource');
    expect(((form?.uiSchema?.['ui:order'] ?? []) as string[]).indexOf('fundSource')).toBe(4);
    expect(form?.schema.properties).toMatchObject({ matterType: { enum: ['村道建设'] } });
  });

  it('is refused for values outside the town’s bounds, naming the parameter as the village reads it', () => {
    const result = render(KEY_MATTERS, town, { parameters: { postingDays: 20, quorum: 1 } }, 'zh-CN');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => [p.code, p.path])).toEqual([['parameter-unknown', 'parameters/quorum']]);
    const bounded = render(KEY_MATTERS, town, { parameters: { postingDays: 20 } }, 'zh-CN');
    expect(!bounded.ok && bounded.problems[0]).toMatchObject({
      path: 'parameters/postingDays',
      message: expect.stringMatching(/公示天数.*15/),
    });
  });

  it('may only add fields: never remove or change the template’s, never shadow a parameter, only where the template allows', () => {
    const result = render(
      KEY_MATTERS,
      {},
      {
        fields: {
          'key-matters-proposal': [
            { op: 'remove', path: '/schema/properties/amount' },
            { op: 'add', path: '/schema/properties/amount', value: { type: 'string' } },
            { op: 'add', path: '/schema/properties/postingDays', value: { type: 'integer' } },
            { op: 'add', path: '/schema/properties/plan/maxLength', value: 10 },
            { op: 'add', path: '/schema/required/-', value: 'plan' },
          ],
          'key-matters-filing': [{ op: 'add', path: '/schema/properties/note', value: { type: 'string' } }],
        },
      },
      'zh-CN',
    );
    expect(!result.ok && result.problems.map((p) => [p.code, p.path])).toEqual([
      ['patch-op', 'fields/key-matters-proposal/0'],
      ['field-exists', 'fields/key-matters-proposal/1'],
      ['field-reserved', 'fields/key-matters-proposal/2'],
      ['patch-path', 'fields/key-matters-proposal/3'],
      ['field-not-added', 'fields/key-matters-proposal/4'],
      ['form-not-extensible', 'fields/key-matters-filing'],
    ]);
  });
});

describe('upgrading to a new version', () => {
  const overlay = {
    parameters: { postingDays: 6, board: '鹤峰村公开栏', stepDays: 12 },
    fields: {
      'key-matters-proposal': [
        { op: 'add', path: '/schema/properties/contact', value: { type: 'string', title: '联系人' } },
        { op: 'add', path: '/uiSchema/contact', value: { 'ui:placeholder': '姓名' } },
      ],
    },
  };
  const v2 = nextVersion('2.0.0', (pkg) => {
    pkg.parameters.schema.properties.postingDays.minimum = 7;
    delete pkg.parameters.schema.properties.stepDays;
    pkg.process = pkg.process.replaceAll('{{stepDays}}', '10');
    pkg.parameters.uiSchema['ui:order'] = pkg.parameters.uiSchema['ui:order'].filter((n: string) => n !== 'stepDays');
    (proposal(pkg)?.schema.properties as Record<string, unknown>).contact = { type: 'string', title: '联系人电话', format: 'cn-mobile' };
  });

  it('keeps what still fits and shows the rest for a decision, never dropping it silently', () => {
    const { overlay: carried, conflicts } = upgradeOverlay({ overlay, to: v2, settings: {}, lang: 'zh-CN' });
    expect(conflicts.map((c) => [c.id, c.options])).toEqual([
      ['parameter:postingDays', ['default', 'value']],
      ['parameter:stepDays', ['drop']],
      ['field:key-matters-proposal/contact', ['drop', 'rename']],
    ]);
    expect(conflicts[0]?.message).toMatch(/公示天数.*6.*7/);
    expect(carried.parameters).toEqual({ board: '鹤峰村公开栏' });
  });

  it('applies the decisions, refusing one that does not settle its conflict', () => {
    const decided = upgradeOverlay({
      overlay,
      to: v2,
      settings: {},
      lang: 'zh-CN',
      decisions: {
        'parameter:postingDays': { action: 'value', value: 5 },
        'parameter:stepDays': { action: 'drop' },
        'field:key-matters-proposal/contact': { action: 'rename', value: 'contactName' },
      },
    });
    expect(decided.conflicts).toEqual([expect.objectContaining({ id: 'parameter:postingDays', refused: expect.stringContaining('7') })]);
    const settled = upgradeOverlay({
      overlay,
      to: v2,
      settings: {},
      lang: 'zh-CN',
      decisions: {
        'parameter:postingDays': { action: 'value', value: 8 },
        'parameter:stepDays': { action: 'drop' },
        'field:key-matters-proposal/contact': { action: 'rename', value: 'contactName' },
      },
    });
    expect(settled.conflicts).toEqual([]);
    expect(settled.overlay.parameters).toEqual({ postingDays: 8, board: '鹤峰村公开栏' });
    expect(settled.overlay.fields?.['key-matters-proposal']?.map((op) => op.path)).toEqual([
      '/schema/properties/contactName',
      '/uiSchema/contactName',
    ]);
    expect(render(v2, {}, settled.overlay, 'zh-CN').ok).toBe(true);
  });

  it('tells the village what changed, in its language', async () => {
    const v11 = nextVersion('1.1.0', (pkg) => {
      pkg.process = pkg.process.replace('name="镇备案"', 'name="报镇备案"').replace('dueDate="P{{implementationDays}}D"', 'dueDate="P30D"');
      pkg.parameters.schema.properties.postingDays.default = 10;
    });
    const changes = await changesBetween(KEY_MATTERS, v11, 'zh-CN');
    // The default moved the posting steps and the posting timer with it.
    expect([...changes.summary].sort()).toEqual(
      [
        '参数“公示天数”变更（default: 7 → 10）',
        '步骤“镇备案”改名为“报镇备案”',
        '步骤“组织实施”的办理期限有变化',
        '步骤“决议公开”的公示有变化',
        '步骤“公示期满”的定时或消息有变化',
        '步骤“决定公开”的公示有变化',
        '步骤“实施结果公开”的公示有变化',
      ].sort(),
    );
  });
});
