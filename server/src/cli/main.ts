import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { adminCreate } from './adminCreate.ts';
import { auditVerify } from './auditVerify.ts';
import { backup } from './backup.ts';
import { type Args, type CommandSpec, EXIT, Failure, type OptionSpec, UsageError } from './command.ts';
import { Cli, type Io } from './context.ts';
import { demoLoad } from './demoLoad.ts';
import { deploy } from './deploy.ts';
import { restore } from './restore.ts';

export type { Io } from './context.ts';

const COMMANDS: readonly CommandSpec[] = [adminCreate, demoLoad, deploy, auditVerify, backup, restore];

/** Flags every command takes. */
const COMMON: Readonly<Record<string, OptionSpec>> = {
  'data-dir': { type: 'string', value: 'DIR', description: '数据目录 (data dir); 默认 SHANZHI_DATA_DIR 或 ./data' },
  help: { type: 'boolean', short: 'h', description: '显示帮助 (show this help)' },
};

const PROGRAM = 'pnpm shanzhi';

/**
 * `pnpm shanzhi <command> [options]`: the operator's commands. Returns the exit code: 0 done,
 * 1 failed (the message says what is wrong), 2 bad arguments (the message names the flag).
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  // The command's words come first (`admin create`), then its flags and arguments.
  const firstFlag = argv.findIndex((a) => a.startsWith('-'));
  const words = firstFlag < 0 ? [...argv] : argv.slice(0, firstFlag);
  if (argv.length === 0 || words[0] === 'help' || (words.length === 0 && argv.some(isHelp))) {
    const named = words[0] === 'help' ? find(words.slice(1)) : undefined;
    if (words[0] === 'help' && words.length > 1 && !named) return usageError(io, `未知命令 (unknown command): ${words.slice(1).join(' ')}`);
    for (const line of named ? commandHelp(named.spec) : overview()) io.out(line);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }

  const found = find(words);
  if (!found) {
    if (argv.some(isHelp)) {
      for (const line of overview()) io.out(line);
      return EXIT.ok;
    }
    const group = COMMANDS.filter((c) => c.name.startsWith(`${words[0]} `));
    if (group.length > 0) {
      return usageError(io, `${words[0]} 需要子命令 (needs a subcommand): ${group.map((c) => c.name.split(' ')[1]).join(', ')}`);
    }
    return usageError(io, `未知命令 (unknown command): ${words[0] ?? argv[0]}`);
  }
  const { spec } = found;
  const rest = argv.slice(found.words);
  if (rest.some(isHelp)) {
    for (const line of commandHelp(spec)) io.out(line);
    return EXIT.ok;
  }

  try {
    const args = parse(spec, rest);
    const dataDir = args.values['data-dir'];
    return await spec.run(args, new Cli(io, typeof dataDir === 'string' ? dataDir : undefined));
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message, spec);
    if (error instanceof Failure) {
      io.err(`失败 (failed): ${error.message}`);
      return EXIT.failed;
    }
    io.err(`失败 (failed): ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}

const isHelp = (a: string) => a === '--help' || a === '-h';

function find(words: readonly string[]): { spec: CommandSpec; words: number } | undefined {
  const two = words.length >= 2 ? COMMANDS.find((c) => c.name === `${words[0]} ${words[1]}`) : undefined;
  if (two) return { spec: two, words: 2 };
  const one = COMMANDS.find((c) => c.name === words[0]);
  return one ? { spec: one, words: 1 } : undefined;
}

function parse(spec: CommandSpec, rest: readonly string[]): Args {
  const all = { ...spec.options, ...COMMON };
  const options: ParseArgsOptionsConfig = {};
  for (const [name, o] of Object.entries(all)) options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}) };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseError(error as Error & { code?: string }));
  }
  for (const [name, o] of Object.entries(spec.options)) {
    if (o.required && parsed.values[name] === undefined) throw new UsageError(`缺少 --${name} (missing --${name})`);
    const v = parsed.values[name];
    if (o.type === 'string' && typeof v === 'string' && v.trim() === '') throw new UsageError(`--${name} 不能为空 (--${name} is empty)`);
  }
  const wanted = spec.positionals;
  if (parsed.positionals.length < wanted.length) {
    const missing = wanted[parsed.positionals.length]?.name ?? 'FILE';
    throw new UsageError(`缺少 ${missing} (missing ${missing})`);
  }
  if (parsed.positionals.length > wanted.length) {
    throw new UsageError(`多余的参数 (unexpected argument): ${parsed.positionals[wanted.length]}`);
  }
  return { values: parsed.values as Args['values'], positionals: parsed.positionals };
}

/** node:util's messages, reworded to name the flag first. */
function parseError(error: Error & { code?: string }): string {
  const flagName = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知参数 (unknown option): ${flagName}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message)
        ? `${flagName} 需要一个值 (${flagName} needs a value)`
        : `${flagName} 不接受值 (${flagName} takes no value)`;
    default:
      return error.message;
  }
}

function usageError(io: Io, message: string, spec?: CommandSpec): number {
  io.err(`参数错误 (bad arguments): ${message}`);
  io.err(spec ? `用法 (usage): ${usageLine(spec)}` : `用法 (usage): ${PROGRAM} <命令 command> [参数 options]`);
  io.err(`帮助 (help): ${PROGRAM} ${spec ? `${spec.name} ` : ''}--help`);
  return EXIT.usage;
}

function usageLine(spec: CommandSpec): string {
  const opts = Object.entries(spec.options).map(([name, o]) => {
    const text = `--${name}${o.value ? ` ${o.value}` : ''}`;
    return o.required ? text : `[${text}]`;
  });
  return [PROGRAM, spec.name, ...spec.positionals.map((p) => p.name), ...opts].join(' ');
}

function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  const heads = Object.entries(options).map(([name, o]) => `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...heads.map((h) => h.length));
  return Object.values(options).map(
    (o, i) => `  ${(heads[i] ?? '').padEnd(width)}  ${o.description}${o.required ? '（必填 required）' : ''}`,
  );
}

function commandHelp(spec: CommandSpec): string[] {
  const lines = [spec.summary, '', `用法 (usage): ${usageLine(spec)}`];
  if (spec.details?.length) lines.push('', ...spec.details);
  if (spec.positionals.length > 0) {
    lines.push('', '参数 (arguments):');
    for (const p of spec.positionals) lines.push(`  ${p.name}  ${p.description}`);
  }
  if (Object.keys(spec.options).length > 0) lines.push('', '选项 (options):', ...optionLines(spec.options));
  lines.push('', '通用选项 (common options):', ...optionLines(COMMON));
  if (spec.examples?.length) lines.push('', '示例 (example):', ...spec.examples.map((e) => `  ${e}`));
  return lines;
}

function overview(): string[] {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    '善治 Shanzhi 命令行 (command line)',
    '',
    `用法 (usage): ${PROGRAM} <命令 command> [参数 options]`,
    '',
    '命令 (commands):',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '通用选项 (common options):',
    ...optionLines(COMMON),
    '',
    '环境变量 (environment): SHANZHI_DATA_DIR（数据目录，默认 ./data），SHANZHI_STORE（postgres:// 改用 PostgreSQL），SHANZHI_MONGODB_URL（改用 MongoDB）',
    `每个命令的帮助 (help for a command): ${PROGRAM} <command> --help`,
    '退出码 (exit codes): 0 成功 (ok)，1 失败 (failed)，2 参数错误 (bad arguments)',
  ];
}

// `pnpm shanzhi …` runs this file; tests import `main` and call it in-process.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `pnpm shanzhi --help | head`: a closed pipe ends the output, not the program with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.exitCode = await main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
