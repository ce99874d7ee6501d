import { compile, type ElementModel, type ProcessModel } from '@shanzhi/engine';
import { parameterSchemas } from './parameters.ts';
import { isRecord } from './placeholders.ts';
import { render } from './render.ts';
import type { Lang, TemplatePackage } from './types.ts';

export interface ParameterChange {
  readonly name: string;
  readonly title: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** For `changed`: each keyword whose value differs, with both values. */
  readonly keywords?: readonly { readonly keyword: string; readonly before: unknown; readonly after: unknown }[];
}

export interface StepChange {
  readonly id: string;
  readonly name: string;
  readonly change: 'added' | 'removed' | 'renamed' | 'changed';
  readonly before?: string;
  /** For `changed`: what about it: assignment, form, dueDate, loop (voting), trigger (timers, messages), notice ... */
  readonly aspects?: readonly string[];
}

export interface FormChange {
  readonly key: string;
  readonly title: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** What changed from one template version to the next, for a village deciding to upgrade. */
export interface TemplateChanges {
  readonly from: string;
  readonly to: string;
  readonly parameters: readonly ParameterChange[];
  readonly steps: readonly StepChange[];
  readonly flows: { readonly added: number; readonly removed: number };
  readonly forms: readonly FormChange[];
  /** The same, as sentences in the language asked. */
  readonly summary: readonly string[];
}

/** Aspects of a step that are not what a village reads as a change of the step. */
const WIRING = new Set(['id', 'name', 'incoming', 'outgoing', 'scope', 'boundaries', 'defaultFlow']);

const ASPECTS: Record<string, Record<Lang, string>> = {
  assignment: { 'zh-CN': '办理人', en: 'who does it' },
  form: { 'zh-CN': '表单字段规则', en: 'form field rules' },
  dueDate: { 'zh-CN': '办理期限', en: 'due date' },
  followUpDate: { 'zh-CN': '跟进时间', en: 'follow-up date' },
  priority: { 'zh-CN': '优先级', en: 'priority' },
  loop: { 'zh-CN': '会签或表决规则', en: 'countersign or voting rule' },
  trigger: { 'zh-CN': '定时或消息', en: 'timer or message' },
  notice: { 'zh-CN': '公示', en: 'public notice' },
  jobType: { 'zh-CN': '外部任务类型', en: 'job type' },
};

/**
 * Compares two versions: their parameter schemas keyword by keyword, their models step by step
 * (each rendered with its own defaults and compiled, so a step is compared as it runs), their
 * forms field by field.
 */
export async function changesBetween(from: TemplatePackage, to: TemplatePackage, lang: Lang): Promise<TemplateChanges> {
  const parameters = parameterChanges(from, to);
  const [before, after] = await Promise.all([mainProcess(from, lang), mainProcess(to, lang)]);
  const steps = stepChanges(before, after);
  const flows = flowChanges(before, after);
  const forms = formChanges(from, to);
  return {
    from: from.manifest.version,
    to: to.manifest.version,
    parameters,
    steps,
    flows,
    forms,
    summary: summarise(parameters, steps, flows, forms, lang),
  };
}

function parameterChanges(from: TemplatePackage, to: TemplatePackage): ParameterChange[] {
  const a = parameterSchemas(from);
  const b = parameterSchemas(to);
  const title = (s: Record<string, unknown> | undefined, name: string) => (typeof s?.title === 'string' ? s.title : name);
  const changes: ParameterChange[] = [];
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const was = a[name];
    const is = b[name];
    if (!was) changes.push({ name, title: title(is, name), change: 'added' });
    else if (!is) changes.push({ name, title: title(was, name), change: 'removed' });
    else {
      const keywords = [...new Set([...Object.keys(was), ...Object.keys(is)])]
        .filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]))
        .map((keyword) => ({ keyword, before: was[keyword], after: is[keyword] }));
      if (keywords.length > 0) changes.push({ name, title: title(is, name), change: 'changed', keywords });
    }
  }
  return changes;
}

async function mainProcess(pkg: TemplatePackage, lang: Lang): Promise<ProcessModel | undefined> {
  const rendered = render(pkg, {}, {}, lang);
  if (!rendered.ok) return undefined;
  const compiled = await compile(rendered.rendering.xml);
  return compiled.ok ? compiled.model.processes[compiled.model.main] : undefined;
}

/** The steps people see: activities and events, not gateways' wiring. */
const isStep = (e: ElementModel) => !e.kind.endsWith('Gateway');

function stepChanges(before: ProcessModel | undefined, after: ProcessModel | undefined): StepChange[] {
  const a = before?.elements ?? {};
  const b = after?.elements ?? {};
  const changes: StepChange[] = [];
  for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const was = a[id];
    const is = b[id];
    if (was && !isStep(was)) continue;
    if (!was && is && isStep(is)) changes.push({ id, name: is.name ?? id, change: 'added' });
    else if (was && !is) changes.push({ id, name: was.name ?? id, change: 'removed' });
    else if (was && is) {
      if ((was.name ?? id) !== (is.name ?? id)) changes.push({ id, name: is.name ?? id, change: 'renamed', before: was.name ?? id });
      const aspects = [...new Set([...Object.keys(was), ...Object.keys(is)])].filter(
        (k) =>
          !WIRING.has(k) &&
          JSON.stringify((was as unknown as Record<string, unknown>)[k]) !== JSON.stringify((is as unknown as Record<string, unknown>)[k]),
      );
      if (aspects.length > 0) changes.push({ id, name: is.name ?? id, change: 'changed', aspects });
    }
  }
  return changes;
}

function flowChanges(before: ProcessModel | undefined, after: ProcessModel | undefined): { added: number; removed: number } {
  const key = (p: ProcessModel | undefined) =>
    new Set(Object.values(p?.flows ?? {}).map((f) => `${f.source}>${f.target}?${f.condition ?? ''}`));
  const a = key(before);
  const b = key(after);
  return { added: [...b].filter((f) => !a.has(f)).length, removed: [...a].filter((f) => !b.has(f)).length };
}

function formChanges(from: TemplatePackage, to: TemplatePackage): FormChange[] {
  const fields = (pkg: TemplatePackage, key: string) => {
    const properties = pkg.forms.find((f) => f.key === key)?.schema.properties;
    return isRecord(properties) ? Object.keys(properties) : [];
  };
  const keys = new Set([...from.forms, ...to.forms].map((f) => f.key));
  return [...keys].flatMap((key) => {
    const a = fields(from, key);
    const b = fields(to, key);
    const added = b.filter((f) => !a.includes(f));
    const removed = a.filter((f) => !b.includes(f));
    const title = (to.forms.find((f) => f.key === key) ?? from.forms.find((f) => f.key === key))?.title ?? key;
    return added.length + removed.length > 0 ? [{ key, title, added, removed }] : [];
  });
}

function summarise(
  parameters: readonly ParameterChange[],
  steps: readonly StepChange[],
  flows: { added: number; removed: number },
  forms: readonly FormChange[],
  lang: Lang,
): string[] {
  const zh = lang === 'zh-CN';
  const lines: string[] = [];
  for (const p of parameters) {
    if (p.change === 'added') lines.push(zh ? `新增参数“${p.title}”` : `New parameter ${p.title}`);
    else if (p.change === 'removed') lines.push(zh ? `删除参数“${p.title}”` : `Parameter ${p.title} removed`);
    else {
      const detail = (p.keywords ?? [])
        .map((k) => `${k.keyword}: ${JSON.stringify(k.before) ?? '—'} → ${JSON.stringify(k.after) ?? '—'}`)
        .join(zh ? '；' : '; ');
      lines.push(zh ? `参数“${p.title}”变更（${detail}）` : `Parameter ${p.title} changed (${detail})`);
    }
  }
  for (const s of steps) {
    if (s.change === 'added') lines.push(zh ? `新增步骤“${s.name}”` : `New step ${s.name}`);
    else if (s.change === 'removed') lines.push(zh ? `删除步骤“${s.name}”` : `Step ${s.name} removed`);
    else if (s.change === 'renamed') lines.push(zh ? `步骤“${s.before}”改名为“${s.name}”` : `Step ${s.before} renamed ${s.name}`);
    else {
      const aspects = (s.aspects ?? []).map((a) => ASPECTS[a]?.[lang] ?? a).join(zh ? '、' : ', ');
      lines.push(zh ? `步骤“${s.name}”的${aspects}有变化` : `Step ${s.name}: ${aspects} changed`);
    }
  }
  if (flows.added + flows.removed > 0) {
    lines.push(zh ? `流转路线：新增 ${flows.added} 条，删除 ${flows.removed} 条` : `Flows: ${flows.added} added, ${flows.removed} removed`);
  }
  for (const f of forms) {
    const parts = [
      f.added.length > 0 ? (zh ? `新增字段 ${f.added.join('、')}` : `fields added: ${f.added.join(', ')}`) : '',
      f.removed.length > 0 ? (zh ? `删除字段 ${f.removed.join('、')}` : `fields removed: ${f.removed.join(', ')}`) : '',
    ].filter(Boolean);
    lines.push(zh ? `表单“${f.title}”：${parts.join('；')}` : `Form ${f.title}: ${parts.join('; ')}`);
  }
  return lines;
}
