import { randomUUID } from 'node:crypto';
import { StoreDuplicate, type UnitKind } from '@shanzhi/store';
import { hashPassword } from '../auth/password.ts';
import { type CommandSpec, EXIT, Failure, optionalStr, str, UsageError } from './command.ts';
import { resolveUnit, unitLabel } from './context.ts';

const MIN_PASSWORD_LENGTH = 8;
const KINDS: readonly UnitKind[] = ['district', 'town', 'village', 'community', 'cooperative', 'compound', 'grid', 'department', 'party'];

/** `admin create`: the first administrator of a town (or district): a user with the town-admin role at a unit. */
export const adminCreate: CommandSpec = {
  name: 'admin create',
  summary: '创建管理员 (create an administrator with the town-admin role at a unit)',
  details: [
    '新用户在 --unit 单位拥有 town-admin（镇管理员）角色，可管理该单位及其下级的用户、角色和流程。',
    'The new user holds the town-admin role at --unit: users, roles and procedures of that unit and everything below it.',
    '单位不存在时，可用 --unit-name 和 --unit-kind 同时新建它（其上级须已存在）。',
    'When the unit does not exist, --unit-name and --unit-kind create it (its parent must exist).',
  ],
  options: {
    username: { type: 'string', value: 'NAME', required: true, description: '登录名 (login name), 不含空格' },
    password: { type: 'string', value: 'PASSWORD', required: true, description: `密码 (password), 至少 ${MIN_PASSWORD_LENGTH} 个字符` },
    unit: {
      type: 'string',
      value: 'UNIT',
      required: true,
      description: '单位路径或唯一的单位名 (unit path or unique name), 如 /nanhai/lishui/ 或 里水镇',
    },
    name: { type: 'string', value: 'NAME', description: '显示名 (display name), 默认同登录名' },
    'unit-name': { type: 'string', value: 'NAME', description: '新建单位时的名称 (name of the unit to create), 如 里水镇' },
    'unit-kind': { type: 'string', value: 'KIND', description: `新建单位的类型 (its kind): ${KINDS.join(', ')}` },
  },
  positionals: [],
  examples: ['pnpm shanzhi admin create --username lishui-admin --password "a-long-secret" --unit /nanhai/lishui/ --name 里水镇管理员'],

  async run(args, cli) {
    const username = str(args, 'username').trim();
    if (!/^\S{1,100}$/.test(username))
      throw new UsageError('--username 不能为空、不能含空格、不超过 100 个字符 (no spaces, 1 to 100 characters)');
    const password = str(args, 'password');
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      throw new UsageError(`--password 太短 (too weak): 至少 ${MIN_PASSWORD_LENGTH} 个字符 (at least ${MIN_PASSWORD_LENGTH} characters)`);
    }
    const displayName = optionalStr(args, 'name')?.trim() || username;
    const unitName = optionalStr(args, 'unit-name')?.trim();
    const unitKind = optionalStr(args, 'unit-kind');
    if ((unitName === undefined) !== (unitKind === undefined))
      throw new UsageError('--unit-name 和 --unit-kind 须同时给出 (give both or neither)');
    if (unitKind !== undefined && !(KINDS as readonly string[]).includes(unitKind)) {
      throw new UsageError(`--unit-kind ${unitKind} 不是单位类型 (not a unit kind): ${KINDS.join(', ')}`);
    }

    return cli.withStore(
      async ({ store }) => {
        if (await store.users.byUsername(username)) throw new Failure(`用户名 ${username} 已存在 (username already taken)`);
        const unit = await resolveUnit(store, str(args, 'unit'));
        if (!unit.unit) {
          if (unitName === undefined) {
            throw new Failure(
              `找不到单位 (no unit) ${unit.path}: 用 --unit-name 和 --unit-kind 新建它，或先运行 pnpm shanzhi demo load (create it with --unit-name and --unit-kind)`,
            );
          }
          const parent = unit.path.slice(0, unit.path.lastIndexOf('/', unit.path.length - 2) + 1);
          if (parent !== '/' && !(await store.units.byPath(parent))) {
            throw new Failure(`上级单位不存在 (parent unit missing): ${parent}，请先创建它 (create it first)`);
          }
          const created = { id: randomUUID(), path: unit.path, name: unitName, kind: unitKind as UnitKind };
          await store.units.put(created);
          unit.unit = created;
          cli.out(`已新建单位 (unit created): ${unitLabel(unit)}（${unitKind}）`);
        } else if (unitName !== undefined) {
          cli.err(`提示 (note): 单位 ${unitLabel(unit)} 已存在，忽略 --unit-name/--unit-kind (the unit exists; ignored)`);
        }

        const id = randomUUID();
        try {
          await store.users.create({
            id,
            username,
            displayName,
            passwordHash: await hashPassword(password),
            disabled: false,
            createdAt: Date.now(),
          });
        } catch (error) {
          if (error instanceof StoreDuplicate) throw new Failure(`用户名 ${username} 已存在 (username already taken)`);
          throw error;
        }
        await store.users.grant({ userId: id, role: 'town-admin', unitPath: unit.path });
        cli.out(`已创建管理员 (admin created): ${username}（${displayName}），角色 town-admin @ ${unitLabel(unit)}`);
        cli.out(`用户 ID (user id): ${id}`);
        return EXIT.ok;
      },
      { mustExist: false },
    );
  },
};
