import type { Lang, TemplateProblem } from './types.ts';

/** Every problem the kit reports, in both languages; `{name}` takes the value of the same name. */
const MESSAGES = {
  'manifest-invalid': { 'zh-CN': '模板说明 template.json 有误：{what}', en: 'template.json is invalid: {what}' },
  'package-invalid': { 'zh-CN': '模板包不完整：{what}', en: 'The template package is incomplete: {what}' },
  'placeholder-unknown': {
    'zh-CN': '占位符 {{{name}}} 不是模板的参数',
    en: 'The placeholder {{{name}}} names no parameter of the template',
  },
  'placeholder-not-text': {
    'zh-CN': '参数“{name}”是对象，不能写进流程模型',
    en: 'Parameter {name} is an object and cannot be written into the model',
  },
  'parameter-unknown': { 'zh-CN': '“{name}”不是该模板可以修改的参数', en: '{name} is not a parameter of this template' },
  'parameter-invalid': { 'zh-CN': '参数“{label}”：{message}', en: 'Parameter {label}: {message}' },
  'parameter-default-missing': {
    'zh-CN': '参数“{name}”没有默认值：模板须能不改参数直接使用',
    en: 'Parameter {name} has no default: a template must work as it ships',
  },
  'bound-unknown': { 'zh-CN': '“{name}”不是该模板的参数，不能设定范围', en: '{name} is not a parameter, so it has no bounds to set' },
  'bound-keyword': {
    'zh-CN': '参数“{name}”不能设定 {keyword}（可设定：{allowed}）',
    en: 'Parameter {name} takes no bound {keyword} (these: {allowed})',
  },
  'bound-looser': {
    'zh-CN': '镇里为“{name}”设定的 {keyword} = {value} 超出了模板允许的范围（{limit}）',
    en: 'The town’s {keyword} = {value} for {name} is outside what the template allows ({limit})',
  },
  'bound-empty': {
    'zh-CN': '镇里为“{name}”设定的范围没有可取的值（{detail}）',
    en: 'The town’s bounds for {name} leave no value to choose ({detail})',
  },
  'patch-op': {
    'zh-CN': '第 {index} 项操作是“{op}”：村里只能新增字段（add），不能修改或删除模板的字段',
    en: 'Operation {index} is “{op}”: a village may only add fields (add), never change or remove the template’s',
  },
  'patch-path': {
    'zh-CN':
      '第 {index} 项操作的位置 {path} 不允许：只能新增字段（/schema/properties/字段名）、设为必填（/schema/required/-）、设定显示（/uiSchema/字段名）和排序（/uiSchema/ui:order/-）',
    en: 'Operation {index} at {path} is not allowed: only adding a field (/schema/properties/<name>), making it required (/schema/required/-), its display (/uiSchema/<name>) and its order (/uiSchema/ui:order/-)',
  },
  'field-exists': { 'zh-CN': '表单“{form}”已有字段“{name}”', en: 'Form {form} has a field {name} already' },
  'field-name': {
    'zh-CN': '字段名“{name}”须以字母开头，只含字母、数字和下划线',
    en: 'Field name {name} must start with a letter and hold only letters, digits and underscores',
  },
  'field-reserved': {
    'zh-CN': '“{name}”是模板参数的名称，不能用作字段名',
    en: '{name} is the name of a template parameter and cannot name a field',
  },
  'field-not-added': {
    'zh-CN': '“{name}”不是本村新增的字段：模板的字段只能由镇里修改',
    en: '{name} is not a field the village added: only the town changes the template’s fields',
  },
  'field-schema': { 'zh-CN': '新增字段“{name}”的定义须是一个对象', en: 'The definition of the added field {name} must be an object' },
  'form-not-extensible': {
    'zh-CN': '表单“{form}”不允许村里新增字段',
    en: 'Form {form} does not take fields added by a village',
  },
  'form-invalid': { 'zh-CN': '表单“{form}”有误：{detail}', en: 'Form {form} is invalid: {detail}' },
  'model-invalid': { 'zh-CN': '生成的流程模型有误：{detail}', en: 'The rendered model is invalid: {detail}' },
  'name-invalid': {
    'zh-CN': '流程名称须为 1 到 60 个字符',
    en: 'The procedure’s name must be 1 to 60 characters',
  },
  'conflict-parameter-removed': {
    'zh-CN': '新版本不再有参数“{name}”，本村设定的值 {value} 将不再使用',
    en: 'The new version has no parameter {name}; the village’s value {value} will no longer apply',
  },
  'conflict-out-of-bounds': {
    'zh-CN': '本村设定的“{label}”为 {value}，新版本：{message}',
    en: 'The village set {label} to {value}; under the new version: {message}',
  },
  'conflict-form-closed': {
    'zh-CN': '新版本的表单“{form}”不再允许新增字段，本村新增的 {fields} 将去掉',
    en: 'Form {form} of the new version takes no added fields; the village’s {fields} would go',
  },
  'conflict-field-taken': {
    'zh-CN': '新版本的表单“{form}”自带字段“{name}”，与本村新增的同名字段冲突',
    en: 'Form {form} of the new version has a field {name} of its own, as the village added',
  },
  'decision-invalid': {
    'zh-CN': '对“{conflict}”的处理方式“{action}”不可用（可选：{options}）',
    en: 'The decision {action} does not apply to {conflict} (these do: {options})',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type ProblemCode = keyof typeof MESSAGES;

export function message(lang: Lang, code: ProblemCode, values: Readonly<Record<string, unknown>> = {}): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? display(values[name]) : whole));
}

export function problem(lang: Lang, code: ProblemCode, path: string, values: Readonly<Record<string, unknown>> = {}): TemplateProblem {
  return { code, path, message: message(lang, code, values) };
}

function display(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
