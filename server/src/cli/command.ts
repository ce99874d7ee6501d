import type { Cli } from './context.ts';

import { UsageError } from './outcomes.ts';

export { EXIT, Failure, UsageError } from './outcomes.ts';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Shown in the help after the flag, e.g. `NAME`. */
  readonly value?: string;
  readonly required?: boolean;
  readonly description: string;
}

export interface Args {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** One CLI command: its words (`admin create`), help, flags, positional arguments and what it does. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly details?: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly positionals: readonly { readonly name: string; readonly description: string }[];
  readonly examples?: readonly string[];
  run(args: Args, cli: Cli): Promise<number>;
}

/** A string flag's value (required ones are checked before `run`). */
export function str(args: Args, name: string): string {
  const v = args.values[name];
  if (typeof v !== 'string') throw new UsageError(`缺少 --${name} (missing --${name})`);
  return v;
}

export function optionalStr(args: Args, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(args: Args, name: string): boolean {
  return args.values[name] === true;
}
