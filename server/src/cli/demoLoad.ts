import { systemClock } from '../clock.ts';
import { DEMO_ADOPTIONS, DEMO_INSTANCES, DEMO_PROCEDURES, DEMO_PUBLICATIONS, DEMO_UNITS, DEMO_USERS } from '../demo/data.ts';
import { loadDemo, nothingAdded } from '../demo/load.ts';
import { demoUsersIn, loginLines } from '../demo/logins.ts';
import { timeOrderedId } from '../ids.ts';
import { type CommandSpec, EXIT } from './command.ts';

/** `demo load`: the Nanhai tree, the demo users, the village-request procedure, the towns' templates as villages adopted them and work under way; running it again adds nothing. */
export const demoLoad: CommandSpec = {
  name: 'demo load',
  summary:
    '载入演示数据 (load the demo data: the Nanhai organisation tree, role users, the templates as villages adopted them, work under way)',
  details: [
    `南海区及其镇街、村居、经济社和里水镇各办共 ${DEMO_UNITS.length} 个单位，${DEMO_USERS.length} 个演示用户，`,
    `在里水镇部署“村级事务申报”流程 (${DEMO_PROCEDURES.map((p) => p.key).join(', ')})，里水镇发布 ${DEMO_PUBLICATIONS.length} 个治理模板，鹤峰村、宏岗村共采用 ${DEMO_ADOPTIONS.length} 次，发起 ${DEMO_INSTANCES.length} 个事项。`,
    '可重复运行：已有的数据保持不变 (idempotent: what exists is left as it is).',
  ],
  options: {},
  positionals: [],

  async run(_args, cli) {
    return cli.withStore(
      async ({ store }) => {
        const added = await cli.withRuntime(store, (runtime) => loadDemo({ store, runtime, clock: systemClock, newId: timeOrderedId }));
        if (nothingAdded(added)) {
          cli.out('演示数据已存在，未作任何改动 (the demo data is already loaded: nothing changed)');
        } else {
          cli.out(
            `已载入演示数据 (demo data loaded): 单位 ${added.units} 个 (units), 用户 ${added.users} 个 (users), ` +
              `流程定义 ${added.definitions} 个 (definitions), 模板采用 ${added.adoptions} 个 (adoptions), 流程实例 ${added.instances} 个 (instances)`,
          );
        }
        for (const line of loginLines(await demoUsersIn(store))) cli.out(line);
        return EXIT.ok;
      },
      { mustExist: false },
    );
  },
};
