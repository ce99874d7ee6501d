import { type CommandSpec, EXIT, Failure, optionalStr } from './command.ts';

/** `audit verify`: recomputes the event hash chains and names the first broken link. */
export const auditVerify: CommandSpec = {
  name: 'audit verify',
  summary: '校验审计链 (verify the audit trail: every instance’s hash-chained events)',
  details: [
    '逐条重算每个流程实例事件的哈希链；发现篡改时打印第一处断裂（实例、事件序号、原因），退出码 1。',
    'Recomputes the hash chain of every instance’s events; on tampering prints the first broken link (instance, event seq, reason) and exits 1.',
  ],
  options: {
    instance: { type: 'string', value: 'ID', description: '只校验这个流程实例 (only this instance)' },
  },
  positionals: [],

  async run(args, cli) {
    const only = optionalStr(args, 'instance');
    return cli.withStore(
      async ({ store }) => {
        if (only !== undefined && !(await store.instances.byId(only))) throw new Failure(`找不到流程实例 (no such instance): ${only}`);
        const broken = await store.events.verify(only);
        if (broken) {
          cli.err('审计链断裂 (audit trail broken): 第一处断裂 (first broken link):');
          cli.err(`  流程实例 (instance) ${broken.instanceId}，事件序号 (event seq) ${broken.seq}: ${broken.reason}`);
          return EXIT.failed;
        }
        cli.out(
          only === undefined
            ? '审计链完整 (audit trail verified): 所有流程实例的事件均未被改动'
            : `审计链完整 (verified): 流程实例 ${only}`,
        );
        return EXIT.ok;
      },
      { mustExist: true },
    );
  },
};
