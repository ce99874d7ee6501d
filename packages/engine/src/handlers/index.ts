import type { Command } from '../commands.ts';
import type { EngineError } from '../errors.ts';
import type { Processing } from '../processing/processing.ts';
import { broadcastSignal, correlateMessage, fireTimer } from './events.ts';
import { cancel, migrate, raiseHostIncident, resolveIncident, setVariables, withdraw } from './instance.ts';
import { addSigners } from './signers.ts';
import { calledInstanceEnded, completeJob, completeUserTask, failJob, membersResolved, returnTask, updateUserTask } from './work.ts';

type Handler<C extends Command> = (p: Processing, command: C) => EngineError | undefined;

const HANDLERS: { [T in Command['type']]: Handler<Extract<Command, { type: T }>> } = {
  completeUserTask,
  fireTimer,
  correlateMessage,
  broadcastSignal,
  completeJob,
  failJob,
  setVariables,
  cancel,
  withdraw,
  resolveIncident,
  calledInstanceEnded,
  migrate,
  updateUserTask,
  returnTask,
  membersResolved,
  addSigners,
  raiseIncident: raiseHostIncident,
};

/** Validates a command against the state and starts its work; an error value rejects it. */
export function handleCommand(p: Processing, command: Command): EngineError | undefined {
  const handler = HANDLERS[command.type] as Handler<Command> | undefined;
  if (!handler) return { code: 'SZ_VARIABLES_INVALID', message: `unknown command type '${String(command.type)}'` };
  return handler(p, command);
}
