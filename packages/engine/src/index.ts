export { planReturn, type ReturnPlan } from './behaviors/returns.ts';
export type { Command, CommandType, Ctx, StartInput } from './commands.ts';
export { type CompileOptions, type CompileResult, compile, MAX_XML_BYTES } from './compile/compile.ts';
export { feelProblems } from './compile/expressions.ts';
export type { Problem } from './compile/problems.ts';
export type { Effect, EffectType } from './effects.ts';
export { ENGINE_ERRORS, type EngineError, type EngineErrorCode } from './errors.ts';
export type { EngineEvent, EngineEventType } from './events.ts';
export { DEFAULT_LIMITS, type Limits } from './limits.ts';
export type * from './model/types.ts';
export { type OpenTask, openTasks, variablesAt } from './queries.ts';
export { replay } from './replay.ts';
export { type StartTrigger, startTriggers } from './startTriggers.ts';
export {
  type ElementInstance,
  type InstanceState,
  type InstanceStatus,
  type ParentRef,
  STATE_VERSION,
  type Subscription,
  type Vars,
} from './state/types.ts';
export { planTimer } from './timerPlan.ts';
export {
  addDuration,
  addWorkingDays,
  type CalendarProblem,
  type CalendarYear,
  CHINA_CALENDAR,
  checkCalendarYear,
  DEFAULT_TIME_ZONE,
  firstDueAt,
  formatLocalTime,
  MAX_WORKING_DAYS,
  nextDueAt,
  type PublishedCalendarYear,
  parseDuration,
  parseTimer,
  type TimerPlan,
  type WorkCalendar,
} from './timers/index.ts';
export { type Outcome, type Rejection, start, step, type Transition } from './transition.ts';
