import { parseArgs } from 'node:util';
import type { Lang } from './labels.ts';

export interface RunOptions {
  readonly file?: string;
  readonly vars: Record<string, unknown>;
  readonly script?: string;
  readonly json: boolean;
  readonly lang: Lang;
  readonly help: boolean;
  readonly process?: string;
  readonly businessKey?: string;
  /** The simulated clock's start, epoch ms. */
  readonly now?: number;
}

/** A wrong command line: printed with the usage hint, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `pnpm engine:run <model.bpmn> [options]

Runs a BPMN model in memory (simulated clock) and prints its event log as it happens.
在内存中运行 BPMN 流程（模拟时钟），逐条打印事件日志。

Options:
  --vars '<json>'        start variables, a JSON object, e.g. --vars '{"village": "鹤峰村"}'
  --script <file.json>   answer the process from a JSON list of steps, in order (see below)
  --json                 print events (and steps, the summary) as JSON lines instead of text
  --lang zh|en           labels in Chinese (default) or English
  --process <id>         the process to start (default: the model's first executable process)
  --business-key <key>   the instance's business key
  --now <date-time>      start the simulated clock here (default 2026-01-05T09:00+08:00)
  -h, --help             this help

Without --script the runner is interactive on a terminal: it lists open user tasks, jobs and
waiting timers/messages/signals and lets you complete a task (JSON variables), complete or fail a
job, advance time by an ISO 8601 duration, send a message or a signal, or quit. Without a script
and without a terminal it runs until the instance waits and reports what it waits on.

Script steps (a JSON array, run in order):
  {"complete": "两委商议", "vars": {"opinion": "同意"}}   complete an open user task, by element id or name;
                                                        "assignee": "张书记" picks one of several open ones
  {"advance": "P3D"}                                    move the clock on by an ISO 8601 duration; due timers fire
  {"message": "objection", "key": "HF-1", "vars": {}}   correlate a message (with a correlation key)
  {"signal": "typhoon", "vars": {}}                     broadcast a signal
  {"job": "sms", "vars": {}}                            complete a waiting job, by job type or element id
  {"failJob": "sms", "errorCode": "NO_PHONE"}           fail a job: with errorCode a BPMN error is thrown,
                                                        else "retries" (default: one fewer) and "message"

Exit codes: 0 the script ran to its end (even if the instance still waits), or the
interactive/non-interactive run ended normally; 1 a step was rejected (its error code and message
are printed); 2 the model has problems (each with element id, type and message) or the arguments
are wrong.`;

export function parseRunArgs(argv: readonly string[]): RunOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`one model file expected, got ${positionals.length}: ${positionals.join(' ')}`);
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en' && lang !== 'zh-CN') throw new UsageError(`--lang must be zh or en, not '${lang}'`);
  const file = positionals[0];
  if (!values.help && file === undefined) throw new UsageError('no model file given');
  return {
    vars: values.vars === undefined ? {} : parseVars(values.vars),
    json: values.json ?? false,
    lang: lang === 'en' ? 'en' : 'zh',
    help: values.help ?? false,
    ...(file === undefined ? {} : { file }),
    ...(values.script === undefined ? {} : { script: values.script }),
    ...(values.process === undefined ? {} : { process: values.process }),
    ...(values['business-key'] === undefined ? {} : { businessKey: values['business-key'] }),
    ...(values.now === undefined ? {} : { now: parseNow(values.now) }),
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      vars: { type: 'string' },
      script: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      process: { type: 'string' },
      'business-key': { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** A JSON object; anything else is a usage error that names the flag. */
export function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      `${what} must be a JSON object like '{"amount": 80000}', not ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}`,
    );
  }
  return value as Record<string, unknown>;
}

function parseVars(text: string): Record<string, unknown> {
  return parseJsonObject(text, '--vars');
}

function parseNow(text: string): number {
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw new UsageError(`--now '${text}' is not a date-time like 2026-01-05T09:00+08:00`);
  return at;
}
