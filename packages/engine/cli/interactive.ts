import type { Vars } from '@shanzhi/engine';
import { formatLocalTime, parseDuration } from '@shanzhi/engine';
import { parseJsonObject, UsageError } from './args.ts';
import type { Translate } from './labels.ts';
import type { Printer } from './printer.ts';
import { attempt, StepRejected } from './script.ts';
import type { Session, Wait } from './session.ts';
import { oneLine } from './text.ts';

/** Asks one question; undefined when the input has ended. */
export type Ask = (prompt: string) => Promise<string | undefined>;

type Choice = { label: string; act: () => Promise<void> };

/**
 * The interactive loop: lists what the instances wait on (user tasks, jobs, timers, messages,
 * signals), lets the user act on one, prints the events, until every instance ended or the user quits.
 */
export async function interact(session: Session, printer: Printer, t: Translate, ask: Ask, write: (line: string) => void): Promise<void> {
  for (;;) {
    if (![...session.rt.instances.values()].some((i) => i.state.status === 'active')) {
      write(t('ended'));
      return;
    }
    const choices = menu(session, t, ask);
    write('');
    for (const [i, c] of choices.entries()) write(`  ${i + 1}) ${c.label}`);
    write(`  a) ${t('menuAdvance')}   m) ${t('menuMessage')}   s) ${t('menuSignal')}   q) ${t('menuQuit')}`);
    const answer = (await ask(`${t('choose')}: `))?.trim();
    if (answer === undefined || answer === 'q') return;
    try {
      const picked = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
      if (picked) await picked.act();
      else if (answer === 'a') await advance(session, t, ask);
      else if (answer === 'm') await message(session, t, ask);
      else if (answer === 's') await signal(session, t, ask);
      else if (answer !== '') write(t('badChoice'));
    } catch (e) {
      if (e instanceof StepRejected) printer.rejected(undefined, e.code, e.message);
      else if (e instanceof UsageError) write(`✗ ${e.message}`);
      else throw e;
    }
  }
}

function menu(session: Session, t: Translate, ask: Ask): Choice[] {
  const name = (instance: string, el: string) => {
    const n = session.element(instance, el).name;
    return n ? `${el} ${oneLine(n)}` : el;
  };
  const choices: Choice[] = [];
  for (const task of session.tasks()) {
    const who = task.assignee ?? [...(task.candidateUsers ?? []), ...(task.candidateGroups ?? [])].join(',');
    choices.push({
      label: `${t('completeTask')} ${t('UserTaskUpdated')} ${name(task.instance, task.el)}${who ? ` (${who})` : ''}  [${task.instance}]`,
      act: async () => {
        const vars = await askVars(t, ask);
        attempt(session, () => session.rt.completeTask(task, vars));
      },
    });
  }
  for (const job of session.jobs()) {
    choices.push({
      label: `${t('job')} '${job.jobType}' ${name(job.instance, job.el)}  [${job.instance}]`,
      act: async () => {
        const how = (await ask(`${t('jobPrompt')} [c]: `))?.trim() ?? '';
        if (how === 'f') {
          const errorCode = (await ask(`${t('errorCodePrompt')}: `))?.trim() ?? '';
          const failure = errorCode
            ? { retries: job.retries, message: `BPMN error ${errorCode}`, errorCode }
            : { retries: Math.max(0, job.retries - 1), message: 'failed (interactive)' };
          attempt(session, () => session.rt.failJob(job, failure));
          return;
        }
        const vars = await askVars(t, ask);
        attempt(session, () => session.rt.completeJob(job, vars));
      },
    });
  }
  for (const w of session.waits()) choices.push(waitChoice(session, t, ask, w, name(w.instance, w.sub.el)));
  return choices;
}

function waitChoice(session: Session, t: Translate, ask: Ask, w: Wait, element: string): Choice {
  const sub = w.sub;
  switch (sub.kind) {
    case 'timer':
      return {
        label: `${t('timer')} ${element} ${t('dueAt')} ${formatLocalTime(sub.dueAt, session.timeZone)}  [${w.instance}]`,
        act: async () => attempt(session, () => session.advanceTo(Math.max(sub.dueAt, session.rt.now))),
      };
    case 'message':
      return {
        label: `${t('message')} '${sub.name}'${sub.key === undefined ? '' : ` ${t('key')} ${sub.key}`} ${element}  [${w.instance}]`,
        act: async () => {
          const vars = await askVars(t, ask);
          attempt(session, () => session.rt.correlateMessage(sub.name, sub.key, vars));
        },
      };
    case 'signal':
      return {
        label: `${t('signal')} '${sub.name}' ${element}  [${w.instance}]`,
        act: async () => {
          const vars = await askVars(t, ask);
          attempt(session, () => session.rt.broadcastSignal(sub.name, vars));
        },
      };
    case 'conditional':
      return {
        label: `${t('conditional')} ${element}  [${w.instance}]`,
        act: async () => {
          const vars = await askVars(t, ask);
          if (vars) attempt(session, () => session.rt.send(w.instance, { type: 'setVariables', variables: vars }));
        },
      };
  }
}

async function askVars(t: Translate, ask: Ask): Promise<Vars | undefined> {
  const text = (await ask(`${t('varsPrompt')}: `))?.trim() ?? '';
  return text === '' ? undefined : parseJsonObject(text, 'variables');
}

async function advance(session: Session, t: Translate, ask: Ask): Promise<void> {
  const text = (await ask(`${t('durationPrompt')}: `))?.trim() ?? '';
  if (text === '') return;
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new UsageError(parsed.message);
  attempt(session, () => session.advanceTo(session.after(text)));
}

async function message(session: Session, t: Translate, ask: Ask): Promise<void> {
  const name = (await ask(`${t('messagePrompt')}: `))?.trim() ?? '';
  if (name === '') return;
  const key = (await ask(`${t('keyPrompt')}: `))?.trim() ?? '';
  const vars = await askVars(t, ask);
  const delivered = attempt(session, () => session.rt.correlateMessage(name, key === '' ? undefined : key, vars));
  if (!delivered)
    throw new StepRejected('SZ_SUBSCRIPTION_NOT_FOUND', `no instance waits for message '${name}' and no process starts on it`);
}

async function signal(session: Session, t: Translate, ask: Ask): Promise<void> {
  const name = (await ask(`${t('signalPrompt')}: `))?.trim() ?? '';
  if (name === '') return;
  const vars = await askVars(t, ask);
  attempt(session, () => session.rt.broadcastSignal(name, vars));
}
