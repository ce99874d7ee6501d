import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type CommandSpec, EXIT, Failure, flag } from './command.ts';

/** `backup FILE`: an online copy of the embedded store (safe while the server runs) and its attachments. */
export const backup: CommandSpec = {
  name: 'backup',
  summary: '备份内嵌数据库 (back up the embedded store, also while the server runs)',
  details: [
    '用 SQLite 在线备份复制数据库，附件复制到 FILE 旁边的 files 文件夹。PostgreSQL 请用 pg_dump，MongoDB 请用 mongodump。',
    'Copies the database with SQLite’s online backup and the attachments into a files folder beside FILE. On PostgreSQL use pg_dump, on MongoDB mongodump.',
  ],
  options: {
    force: { type: 'boolean', description: '覆盖已有的 FILE (overwrite FILE when it exists)' },
  },
  positionals: [{ name: 'FILE', description: '备份文件 (the backup file), 如 /backups/2026-03-01/shanzhi.db' }],
  examples: ['pnpm shanzhi backup /var/backups/shanzhi/2026-03-01/shanzhi.db'],

  async run(args, cli) {
    if (cli.postgres.postgresUrl)
      throw new Failure('SHANZHI_STORE 已设置：PostgreSQL 请用 pg_dump 备份 (backup is for the embedded store; use pg_dump on PostgreSQL)');
    if (cli.mongodbUrl)
      throw new Failure(
        'SHANZHI_MONGODB_URL 已设置：MongoDB 请用 mongodump 备份 (backup is for the embedded store; use mongodump on MongoDB)',
      );
    const target = cli.path(args.positionals[0] as string);
    if (dirname(target) === cli.dataDir) {
      throw new Failure(
        `请把备份放在数据目录之外 (put the backup outside the data dir ${cli.dataDir}): 附件会复制到 FILE 旁边的 files 文件夹`,
      );
    }
    if (existsSync(target) && !flag(args, 'force'))
      throw new Failure(`${target} 已存在 (exists): 加 --force 覆盖 (add --force to overwrite)`);
    mkdirSync(dirname(target), { recursive: true });
    return cli.withStore(
      async (opened) => {
        if (opened.kind !== 'sqlite') throw new Failure('PostgreSQL 请用 pg_dump、MongoDB 请用 mongodump 备份 (use pg_dump or mongodump)');
        await opened.store.backup(target);
        cli.out(`已备份 (backed up): ${opened.file} → ${target}`);
        if (existsSync(join(dirname(target), 'files'))) cli.out(`附件 (attachments): ${join(dirname(target), 'files')}`);
        cli.out(`恢复 (to restore): pnpm shanzhi restore ${target}`);
        return EXIT.ok;
      },
      { mustExist: true },
    );
  },
};
