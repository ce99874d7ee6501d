/**
 * The procedure the crash part drives: every kind of durable work the server keeps for a town,
 * in one instance. 鹤峰村's clerk files (a user task), an external worker checks it (a job of
 * the type below, fetch-and-lock / complete), it cools off for two seconds (an intermediate
 * timer), then the secretary and a committee member countersign it (会签, sz:approval mode all).
 * For one instance in RETURN_EVERY the secretary sends it back once (退回) to the clerk, so it
 * runs the job, the timer and the countersign a second time.
 */
import { flow, processXml } from '@shanzhi/engine/testing';

export const CRASH_PROCESS = 'reliability_crash';
export const JOB_TYPE = 'reliability-check';
export const CLERK = 'hefeng-banshi';
export const SECRETARY = 'hefeng-shuji';
export const MEMBER = 'hefeng-liangwei';
/** Town admin: deploys the procedure and works the external jobs (job:work). */
export const TOWN_ADMIN = 'lishui-guanli';
export const AUDITOR = 'nanhai-shenji';
export const UNIT = '/nanhai/lishui/hefeng/';
export const TOWN = '/nanhai/lishui/';
export const TIMER = 'PT2S';
export const RETURN_EVERY = 4;

export const CRASH_XML = processXml(
  CRASH_PROCESS,
  `<startEvent id="start"/>
   <userTask id="apply" name="提交申请"><extensionElements><sz:assignment assignee="${CLERK}"/></extensionElements></userTask>
   <serviceTask id="check" name="外部核验"><extensionElements><sz:job type="${JOB_TYPE}" retries="3"/></extensionElements></serviceTask>
   <intermediateCatchEvent id="cool" name="冷静期"><timerEventDefinition><timeDuration>${TIMER}</timeDuration></timerEventDefinition></intermediateCatchEvent>
   <userTask id="sign" name="会签"><extensionElements><sz:approval mode="all" members="${SECRETARY}, ${MEMBER}"/></extensionElements></userTask>
   <endEvent id="end"/>
   ${flow('start', 'apply', 'check', 'cool', 'sign', 'end')}`,
);

/** The business key of the i-th instance of a run: a start sent again with it answers the same instance. */
export const businessKey = (run: string, i: number) => `REL-${run}-${i}`;

export function indexOf(key: string): number {
  return Number(key.slice(key.lastIndexOf('-') + 1));
}

/** Whether the secretary sends the i-th instance back once. */
export const returnsOnce = (i: number) => i % RETURN_EVERY === 0;
