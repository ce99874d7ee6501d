import type { ParamNames, SameParams, Texts } from './template.ts';

/**
 * What is wrong with one field of a refused request (SZ_VALIDATION's `details[].message`), after
 * the field's name: `body.orgUnit` 必填 / is required. Keys are the JSON Schema keywords a request
 * schema fails on, some by the type or rule that failed (`type.integer`, `blank`).
 */
const problems = <const T extends { readonly [K in keyof T]: SameParams<T[K] & Texts> }>(t: T): T => t;

export const FIELD_PROBLEMS = problems({
  required: { 'zh-CN': '必填', en: 'is required' },
  notAllowed: { 'zh-CN': '不允许有这一项', en: 'is not allowed' },
  notJson: { 'zh-CN': '不是有效的 JSON', en: 'is not valid JSON' },
  blank: { 'zh-CN': '不能为空', en: 'must not be blank' },
  unitExists: { 'zh-CN': '单位 {unit} 已经存在', en: 'unit {unit} exists' },
  'type.string': { 'zh-CN': '应为文字', en: 'must be a string' },
  'type.number': { 'zh-CN': '应为数字', en: 'must be a number' },
  'type.integer': { 'zh-CN': '应为整数', en: 'must be an integer' },
  'type.boolean': { 'zh-CN': '应为 true 或 false', en: 'must be true or false' },
  'type.object': { 'zh-CN': '应为对象（一组字段）', en: 'must be an object' },
  'type.array': { 'zh-CN': '应为列表', en: 'must be a list' },
  'type.null': { 'zh-CN': '应为空值（null）', en: 'must be null' },
  type: { 'zh-CN': '类型不对，应为 {type}', en: 'must be {type}' },
  minLength: { 'zh-CN': '至少 {limit} 个字符', en: 'must have at least {limit} characters' },
  maxLength: { 'zh-CN': '最多 {limit} 个字符', en: 'must have at most {limit} characters' },
  minimum: { 'zh-CN': '不能小于 {limit}', en: 'must be at least {limit}' },
  maximum: { 'zh-CN': '不能大于 {limit}', en: 'must be at most {limit}' },
  exclusiveMinimum: { 'zh-CN': '应大于 {limit}', en: 'must be greater than {limit}' },
  exclusiveMaximum: { 'zh-CN': '应小于 {limit}', en: 'must be less than {limit}' },
  minItems: { 'zh-CN': '至少 {limit} 项', en: 'must have at least {limit} items' },
  maxItems: { 'zh-CN': '最多 {limit} 项', en: 'must have at most {limit} items' },
  pattern: { 'zh-CN': '格式不对（应符合 {pattern}）', en: 'must match the pattern {pattern}' },
  format: { 'zh-CN': '不是有效的 {format}', en: 'must be a valid {format}' },
  enum: { 'zh-CN': '应为其中之一：{allowed}', en: 'must be one of: {allowed}' },
  const: { 'zh-CN': '应为 {allowed}', en: 'must be {allowed}' },
  noMatch: { 'zh-CN': '不符合任何一种允许的写法', en: 'matches none of the allowed shapes' },
  invalid: { 'zh-CN': '不符合要求（{reason}）', en: 'is invalid ({reason})' },
  refused: { 'zh-CN': '被拒绝（{reason}）', en: 'was refused ({reason})' },
  templateParameter: {
    'zh-CN': '是本单位采用模板时设定的参数，发起时不能填写',
    en: 'is a parameter the unit set when it adopted the template, not a start variable',
  },
  summaryBy: { 'zh-CN': '台账 {register} 没有字段 {field}', en: 'register {register} has no field {field}' },
  summarySum: { 'zh-CN': '{field} 不是台账 {register} 的数字字段，不能合计', en: '{field} is no number field of register {register}' },
  summaryCount: { 'zh-CN': '{field} 不是台账 {register} 的是否字段，不能计数', en: '{field} is no yes/no field of register {register}' },
  laterThan: { 'zh-CN': '须晚于 {other}', en: 'must be later than {other}' },
  tooManyPeriods: { 'zh-CN': '时间跨度太长，最多统计 {limit} 个周期', en: 'spans too many periods, at most {limit}' },
  registerKey: { 'zh-CN': '须与地址中的记录编号 {key} 一致', en: 'must be the key in the address, {key}' },
});

export type FieldProblemKey = keyof typeof FIELD_PROBLEMS;

type ParamsOf<K extends FieldProblemKey> = { readonly [N in ParamNames<(typeof FIELD_PROBLEMS)[K]['zh-CN']>]: string | number };
type ArgsOf<K extends FieldProblemKey> = K extends unknown
  ? [ParamNames<(typeof FIELD_PROBLEMS)[K]['zh-CN']>] extends [never]
    ? []
    : [params: ParamsOf<K>]
  : never;

/** A field problem not yet worded: the error plugin words it in the request's language. */
export class FieldText {
  constructor(
    readonly key: FieldProblemKey,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {}
}

export function fieldText<K extends FieldProblemKey>(key: K, ...[params]: ArgsOf<K>): FieldText {
  return new FieldText(key, params);
}

/** One field of a refused request: a problem to word, or one worded already (a form definition's, by @shanzhi/forms). */
export interface FieldProblem {
  readonly field: string;
  readonly message: FieldText | string;
  readonly rule?: string;
}
