import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { compile } from '@shanzhi/engine';
import { RuntimeError } from '@shanzhi/engine/testing';
import { parseRunArgs, type RunOptions, USAGE, UsageError } from './args.ts';
import { type Ask, interact } from './interactive.ts';
import { labels } from './labels.ts';
import { Printer, printProblems } from './printer.ts';
import { parseScript, runStep, type Step, StepRejected } from './script.ts';
import { Session } from './session.ts';

/** The shell around the runner: where lines go, how files are read and, on a terminal, how to ask. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  readFile?(path: string): string;
  /** Present when a person can answer: without a script, the runner is then interactive. */
  ask?: Ask;
}

export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;

/** `pnpm engine:run model.bpmn [options]`: returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const read = io.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  let options: RunOptions;
  let steps: Step[] | undefined;
  let xml: string;
  try {
    options = parseRunArgs(argv);
    if (options.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    xml = readText(read, options.file as string, 'model file');
    if (options.script !== undefined) steps = parseScript(readText(read, options.script, '--script file'), options.script);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`error: ${e.message}`);
    io.err('usage: pnpm engine:run <model.bpmn> [--vars <json>] [--script <steps.json>] [--json] [--lang zh|en]   (--help for more)');
    return EXIT.usage;
  }
  const t = labels(options.lang);
  const compiled = await compile(xml);
  if (!compiled.ok) {
    printProblems(compiled.problems, t, options.json, options.json ? io.out : io.err);
    return EXIT.usage;
  }
  const model = compiled.model;
  const processId = options.process ?? model.main;
  if (!model.processes[processId]) {
    io.err(`error: --process '${processId}' is not in the model; processes: ${Object.keys(model.processes).join(', ')}`);
    return EXIT.usage;
  }

  const session = new Session(model, options.now);
  const printer = new Printer(session, t, options.json, io.out);
  session.onEvent = (instance, e) => printer.event(instance, e);
  session.onNotice = (n) => printer.notice(n);

  let instance: string;
  try {
    instance = session.start(processId, options.vars, options.businessKey);
    session.flushNotices();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    printer.rejected(undefined, e.error.code, e.error.message);
    return EXIT.rejected;
  }

  let code: number = EXIT.ok;
  if (steps) code = runScript(session, printer, steps, t);
  else if (io.ask) await interact(session, printer, t, io.ask, options.json ? io.err : io.out);
  printer.summary(instance);
  return code;
}

function runScript(session: Session, printer: Printer, steps: readonly Step[], t: ReturnType<typeof labels>): number {
  for (const [i, step] of steps.entries()) {
    printer.step(i, steps.length, step);
    try {
      const note = runStep(session, step);
      if (note) printer.info(t(note));
    } catch (e) {
      if (!(e instanceof StepRejected)) throw e;
      printer.rejected(i, e.code, e.message);
      return EXIT.rejected;
    }
  }
  printer.info(t('scriptDone'));
  return EXIT.ok;
}

function readText(read: (path: string) => string, path: string, what: string): string {
  try {
    return read(path);
  } catch (e) {
    throw new UsageError(`cannot read ${what} '${path}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * The process's own io: stdout/stderr, files relative to where pnpm was called (INIT_CWD: `pnpm engine:run`
 * runs in the repository root), and a readline prompt when stdin is a terminal.
 */
export function processIo(): Io & { close(): void } {
  const tty = process.stdin.isTTY === true;
  const rl = tty ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  // Lines typed (or pasted) ahead of a prompt are kept, not lost: read them through the iterator.
  const lines = rl?.[Symbol.asyncIterator]();
  const ask = async (prompt: string) => {
    if (!rl || !lines) return undefined;
    rl.setPrompt(prompt);
    rl.prompt();
    const next = await lines.next();
    return next.done ? undefined : String(next.value);
  };
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readFile: (path) => readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), path), 'utf8'),
    ...(rl ? { ask } : {}),
    close: () => rl?.close(),
  };
}

function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntry()) {
  const io = processIo();
  main(process.argv.slice(2), io)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      process.stderr.write(`internal error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    })
    .finally(() => io.close());
}
