import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { MAX_XML_BYTES } from '@shanzhi/engine';
import { readFormFiles } from '../files/formFiles.ts';
import { type DeployResult, MAX_VERSION_NOTE_LENGTH } from '../runtime/definitions.ts';
import { type CommandSpec, EXIT, Failure, optionalStr, str } from './command.ts';
import { resolveUnit, unitLabel } from './context.ts';

/** Who a CLI deployment is recorded as (there is no logged-in user). */
const CLI_ACTOR = 'system:cli';

/** `deploy FILE.bpmn --unit UNIT [--forms DIR] [--note TEXT]`: deploys through the server runtime; problems are printed with their element ids or form paths. */
export const deploy: CommandSpec = {
  name: 'deploy',
  summary: '部署 BPMN 流程 (deploy a BPMN model at a unit)',
  details: [
    '模型先经引擎编译：有问题时逐条列出（带元素 ID），不部署，退出码 1。',
    'The model is compiled by the engine first: problems are listed with their element ids, nothing is deployed, exit 1.',
    '同一流程 ID 在同一单位再次部署得到新版本；运行中的实例保持原版本。',
    'Deploying the same process id at the same unit again makes a new version; running instances keep theirs.',
  ],
  options: {
    unit: {
      type: 'string',
      value: 'UNIT',
      required: true,
      description: '单位路径或唯一的单位名 (unit path or unique name), 如 /nanhai/lishui/ 或 里水镇',
    },
    forms: {
      type: 'string',
      value: 'DIR',
      description: '同时部署该目录下的全部 *.form.json 表单 (deploy every *.form.json of DIR with the model, as new versions)',
    },
    note: {
      type: 'string',
      value: 'TEXT',
      description: `版本说明，至多 ${MAX_VERSION_NOTE_LENGTH} 字 (what changed in this version, up to ${MAX_VERSION_NOTE_LENGTH} characters)`,
    },
  },
  positionals: [{ name: 'FILE', description: 'BPMN 2.0 文件 (the .bpmn file)' }],
  examples: ['pnpm shanzhi deploy packages/engine/examples/key-matter.bpmn --unit 里水镇 --forms packages/engine/examples/forms'],

  async run(args, cli) {
    const file = cli.path(args.positionals[0] as string);
    if (!existsSync(file)) throw new Failure(`找不到文件 (no such file): ${file}`);
    const xml = readFileSync(file, 'utf8');
    if (Buffer.byteLength(xml) > MAX_XML_BYTES) throw new Failure(`文件太大 (file too large): 超过 ${MAX_XML_BYTES} 字节 (bytes)`);
    const formsDir = optionalStr(args, 'forms');
    if (formsDir !== undefined && !existsSync(cli.path(formsDir))) throw new Failure(`找不到目录 (no such folder): ${cli.path(formsDir)}`);
    const forms = formsDir === undefined ? [] : readFormFiles(cli.path(formsDir));
    const note = optionalStr(args, 'note')?.trim() || undefined;
    if (note !== undefined && note.length > MAX_VERSION_NOTE_LENGTH) {
      throw new Failure(
        `版本说明太长 (note too long): ${note.length} 字，至多 ${MAX_VERSION_NOTE_LENGTH} (characters, at most ${MAX_VERSION_NOTE_LENGTH})`,
      );
    }

    return cli.withStore(
      async ({ store }) => {
        const unit = await resolveUnit(store, str(args, 'unit'));
        if (!unit.unit) throw new Failure(`找不到单位 (no unit) ${unit.path}`);
        const result = await cli.withRuntime(store, (runtime) =>
          runtime.definitions.deploy({
            xml,
            forms,
            ...(note ? { note } : {}),
            unitPath: unit.path,
            deployedBy: CLI_ACTOR,
            now: Date.now(),
            id: randomUUID(),
          }),
        );
        if (!result.ok) {
          const what = result.code === 'SZ_BPMN_INVALID' ? '模型 (the model)' : '表单 (the forms)';
          cli.err(`${what}有 ${result.problems.length} 个问题，未部署 (${result.problems.length} problem(s); nothing deployed): ${file}`);
          for (const line of problemLines(result)) cli.err(`  - ${line}`);
          return EXIT.failed;
        }
        const d = result.definition;
        cli.out(`已部署 (deployed): ${d.key}${d.name ? `「${d.name}」` : ''} 版本 (version) ${d.version}，单位 (unit) ${unitLabel(unit)}`);
        if (d.note) cli.out(`版本说明 (note): ${d.note}`);
        for (const f of result.forms) cli.out(`表单 (form): ${f.key}「${f.title}」 版本 (version) ${f.version}`);
        cli.out(`定义 ID (definition id): ${d.id}`);
        return EXIT.ok;
      },
      { mustExist: true },
    );
  },
};

/** One line per problem: where (the element, or the form and its path), what, and the rule. */
function problemLines(result: Extract<DeployResult, { ok: false }>): string[] {
  if (result.code === 'SZ_FORM_DEFINITION_INVALID')
    return result.problems.map((p) => `[${p.form} ${p.path || '/'}] ${p.message} (${p.code})`);
  return result.problems.map((p) => {
    const where = p.elementId === undefined ? '' : `[${p.elementId}${p.elementType ? ` ${p.elementType}` : ''}] `;
    return `${where}${p.message} (${p.rule})`;
  });
}
