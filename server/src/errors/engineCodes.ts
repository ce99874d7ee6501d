import { ENGINE_ERRORS, type EngineErrorCode } from '@shanzhi/engine';
import type { Entry } from './template.ts';

const REJECTED = 'command rejected';
const INCIDENT = 'incident on the element';

/**
 * The engine's codes as the API answers them: the status of a rejected command and a zh-CN text;
 * the English is the engine's own. Incident codes have no status: they are never an answer, but
 * an instance shows them. The type asks for every engine code, so a new one is translated here
 * before the server compiles.
 */
export const ENGINE_CODES = {
  SZ_BPMN_INVALID: {
    status: 400,
    shows: 'deploy / compile',
    'zh-CN': '流程模型有问题，不能部署；每处问题都注明了环节、类型和违反的规则。',
    en: ENGINE_ERRORS.SZ_BPMN_INVALID,
  },
  SZ_PROCESS_NOT_FOUND: { status: 400, shows: REJECTED, 'zh-CN': '模型里没有这个可执行的流程。', en: ENGINE_ERRORS.SZ_PROCESS_NOT_FOUND },
  SZ_START_EVENT_NOT_FOUND: {
    status: 400,
    shows: REJECTED,
    'zh-CN': '指定的开始事件不存在，或不能用来启动这个流程。',
    en: ENGINE_ERRORS.SZ_START_EVENT_NOT_FOUND,
  },
  SZ_INSTANCE_NOT_ACTIVE: {
    status: 409,
    shows: REJECTED,
    'zh-CN': '这项办理事项已经结束，不能再办理。',
    en: ENGINE_ERRORS.SZ_INSTANCE_NOT_ACTIVE,
  },
  SZ_STATE_VERSION: {
    status: 500,
    shows: REJECTED,
    'zh-CN': '保存的流程状态版本与当前引擎不符，引擎无法读取。',
    en: ENGINE_ERRORS.SZ_STATE_VERSION,
  },
  SZ_TASK_NOT_FOUND: {
    status: 409,
    shows: REJECTED,
    'zh-CN': '这项办理事项里没有这项待办，或它已经办结。',
    en: ENGINE_ERRORS.SZ_TASK_NOT_FOUND,
  },
  SZ_JOB_NOT_FOUND: { status: 409, shows: REJECTED, 'zh-CN': '这项办理事项里没有在等待的这项任务。', en: ENGINE_ERRORS.SZ_JOB_NOT_FOUND },
  SZ_SUBSCRIPTION_NOT_FOUND: {
    status: 409,
    shows: REJECTED,
    'zh-CN': '没有与之对应的定时器、消息或信号在等待。',
    en: ENGINE_ERRORS.SZ_SUBSCRIPTION_NOT_FOUND,
  },
  SZ_INCIDENT_NOT_FOUND: { status: 404, shows: REJECTED, 'zh-CN': '找不到这个待处理的异常。', en: ENGINE_ERRORS.SZ_INCIDENT_NOT_FOUND },
  SZ_ELEMENT_NOT_FOUND: { status: 404, shows: REJECTED, 'zh-CN': '指定的流程环节不存在。', en: ENGINE_ERRORS.SZ_ELEMENT_NOT_FOUND },
  SZ_RETURN_INVALID: {
    status: 409,
    shows: REJECTED,
    'zh-CN': '不能退回到这个环节：只能退回到本环节之前、已经办理过的环节。',
    en: ENGINE_ERRORS.SZ_RETURN_INVALID,
  },
  SZ_SIGNERS_INVALID: {
    status: 400,
    shows: REJECTED,
    'zh-CN': '不能这样加签：没有指定加签人、同一人写了两次、加签人已经在办理这项待办，或者这不是本环节的主待办。',
    en: ENGINE_ERRORS.SZ_SIGNERS_INVALID,
  },
  SZ_MIGRATION_INVALID: {
    status: 400,
    shows: REJECTED,
    'zh-CN': '迁移映射有误：有正在进行的环节在目标流程里没有对应的环节。',
    en: ENGINE_ERRORS.SZ_MIGRATION_INVALID,
  },
  SZ_VARIABLES_INVALID: {
    status: 400,
    shows: REJECTED,
    'zh-CN': '流程变量必须是一个 JSON 对象，键为文字。',
    en: ENGINE_ERRORS.SZ_VARIABLES_INVALID,
  },
  SZ_EXPRESSION_FAILED: { shows: INCIDENT, 'zh-CN': '异常：FEEL 表达式出错，或算出的值类型不对。', en: ENGINE_ERRORS.SZ_EXPRESSION_FAILED },
  SZ_NO_FLOW_SELECTED: {
    shows: INCIDENT,
    'zh-CN': '异常：网关所有出口的条件都不成立，也没有默认路线。',
    en: ENGINE_ERRORS.SZ_NO_FLOW_SELECTED,
  },
  SZ_UNHANDLED_ERROR: { shows: INCIDENT, 'zh-CN': '异常：流程抛出了 BPMN 错误，但没有环节接住它。', en: ENGINE_ERRORS.SZ_UNHANDLED_ERROR },
  SZ_JOB_FAILED: { shows: INCIDENT, 'zh-CN': '异常：一项任务失败了，重试次数已经用完。', en: ENGINE_ERRORS.SZ_JOB_FAILED },
  SZ_TIMER_INVALID: {
    shows: INCIDENT,
    'zh-CN': '异常：定时器表达式算出的不是日期、时长、周期或 cron。',
    en: ENGINE_ERRORS.SZ_TIMER_INVALID,
  },
  SZ_LOOP_INVALID: {
    shows: INCIDENT,
    'zh-CN': '异常：多实例的数量或集合不是非负数，也不是列表。',
    en: ENGINE_ERRORS.SZ_LOOP_INVALID,
  },
  SZ_CALL_FAILED: { shows: INCIDENT, 'zh-CN': '异常：被调用的流程无法启动。', en: ENGINE_ERRORS.SZ_CALL_FAILED },
  SZ_CALL_DEPTH: {
    shows: INCIDENT,
    'zh-CN': '异常：调用活动嵌套超过上限（默认 32 层），流程之间在没完没了地互相调用。',
    en: ENGINE_ERRORS.SZ_CALL_DEPTH,
  },
  SZ_LOOP_LIMIT: {
    shows: INCIDENT,
    'zh-CN': '异常：一次操作激活的环节超过上限（默认 10,000 个）仍没有停下等待；剩下的工作停在这里，处理完异常后继续。',
    en: ENGINE_ERRORS.SZ_LOOP_LIMIT,
  },
  SZ_HOST_WORK_FAILED: {
    shows: INCIDENT,
    'zh-CN': '异常：服务器替这项办理事项做的工作（发消息、发信号、启动被调用的流程）失败了，重试次数已经用完。',
    en: ENGINE_ERRORS.SZ_HOST_WORK_FAILED,
  },
} as const satisfies Record<EngineErrorCode, Entry>;
