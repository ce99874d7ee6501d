import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { MAX_XML_BYTES } from '@shanzhi/engine';
import { type CommandSpec, EXIT, Failure, str } from './command.ts';
import { resolveUnit, unitLabel } from './context.ts';

/** Who a CLI deployment is recorded as (there is no logged-in user). */
const CLI_ACTOR = 'system:cli';

/** `deploy FILE.bpmn --unit UNIT`: compiles through the server runtime's deploy; engine problems are printed with their element ids. */
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
  },
  positionals: [{ name: 'FILE', description: 'BPMN 2.0 文件 (the .bpmn file)' }],
  examples: ['pnpm shanzhi deploy packages/engine/examples/key-matter.bpmn --unit 里水镇'],

  async run(args, cli) {
    const file = cli.path(args.positionals[0] as string);
    if (!existsSync(file)) throw new Failure(`找不到文件 (no such file): ${file}`);
    const xml = readFileSync(file, 'utf8');
    if (Buffer.byteLength(xml) > MAX_XML_BYTES) throw new Failure(`文件太大 (file too large): 超过 ${MAX_XML_BYTES} 字节 (bytes)`);

    return cli.withStore(
      async ({ store }) => {
        const unit = await resolveUnit(store, str(args, 'unit'));
        if (!unit.unit) throw new Failure(`找不到单位 (no unit) ${unit.path}`);
        const result = await cli.withRuntime(store, (runtime) =>
          runtime.definitions.deploy({ xml, unitPath: unit.path, deployedBy: CLI_ACTOR, now: Date.now(), id: randomUUID() }),
        );
        if (!result.ok) {
          cli.err(
            `模型有 ${result.problems.length} 个问题，未部署 (the model has ${result.problems.length} problem(s); nothing deployed): ${file}`,
          );
          for (const p of result.problems) {
            const where = p.elementId === undefined ? '' : `[${p.elementId}${p.elementType ? ` ${p.elementType}` : ''}] `;
            cli.err(`  - ${where}${p.message} (${p.rule})`);
          }
          return EXIT.failed;
        }
        const d = result.definition;
        cli.out(`已部署 (deployed): ${d.key}${d.name ? `「${d.name}」` : ''} 版本 (version) ${d.version}，单位 (unit) ${unitLabel(unit)}`);
        cli.out(`定义 ID (definition id): ${d.id}`);
        return EXIT.ok;
      },
      { mustExist: true },
    );
  },
};
