import { existsSync, mkdirSync } from 'node:fs';
import { restoreSqliteBackup } from '@shanzhi/store/sqlite';
import { type CommandSpec, EXIT, Failure, flag } from './command.ts';
import { heldByAnother } from './sqliteFiles.ts';

/** `restore FILE`: a backup made by `backup` becomes the data dir's database; never over one in use, never over one without --force. */
export const restore: CommandSpec = {
  name: 'restore',
  summary: '从备份恢复内嵌数据库 (restore the embedded store from a backup)',
  details: [
    '先检查备份完好，再写入数据目录的 shanzhi.db，附件一并恢复。先停止服务器；数据目录已有数据库时须加 --force。',
    'Checks the backup, then writes it into the data dir’s shanzhi.db with its attachments. Stop the server first;',
    'a data dir that already has a database is only overwritten with --force.',
  ],
  options: {
    force: { type: 'boolean', description: '覆盖数据目录中已有的数据库 (overwrite the database in the data dir)' },
  },
  positionals: [{ name: 'FILE', description: '由 backup 生成的备份文件 (a file made by backup)' }],
  examples: ['SHANZHI_DATA_DIR=./data-restored pnpm shanzhi restore /var/backups/shanzhi/2026-03-01/shanzhi.db'],

  async run(args, cli) {
    if (cli.postgres.postgresUrl)
      throw new Failure(
        'SHANZHI_STORE 已设置：PostgreSQL 请用 pg_restore 恢复 (restore is for the embedded store; use pg_restore on PostgreSQL)',
      );
    if (cli.mongodbUrl)
      throw new Failure(
        'SHANZHI_MONGODB_URL 已设置：MongoDB 请用 mongorestore 恢复 (restore is for the embedded store; use mongorestore on MongoDB)',
      );
    const from = cli.path(args.positionals[0] as string);
    if (!existsSync(from)) throw new Failure(`找不到备份文件 (no such backup): ${from}`);
    const target = cli.dbFile;
    if (existsSync(target)) {
      if (heldByAnother(target)) {
        throw new Failure(
          `数据库正在被使用 (the database is open in another process, a running server?): ${target}。请先停止服务器 (stop the server first)`,
        );
      }
      if (!flag(args, 'force'))
        throw new Failure(`数据目录中已有数据库 (a database exists): ${target}。加 --force 覆盖 (add --force to overwrite it)`);
      cli.err(`注意 (note): 覆盖 (overwriting) ${target}`);
    }
    mkdirSync(cli.dataDir, { recursive: true });
    try {
      await restoreSqliteBackup(from, target);
    } catch (error) {
      throw new Failure(`恢复失败 (restore failed): ${(error as Error).message}`);
    }
    cli.out(`已恢复 (restored): ${from} → ${target}`);
    return cli.withStore(
      async ({ store }) => {
        const broken = await store.events.verify();
        if (broken) {
          cli.err(
            `警告 (warning): 备份中的审计链断裂 (the backup's audit trail is broken): 流程实例 ${broken.instanceId}，事件 ${broken.seq}: ${broken.reason}`,
          );
        } else {
          cli.out('审计链完整 (audit trail verified)');
        }
        return EXIT.ok;
      },
      { mustExist: true },
    );
  },
};
