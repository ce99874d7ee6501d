import type { Role, UnitKind } from '@shanzhi/store';

/**
 * The demo data of DOMAIN.md: Nanhai district's organisation tree with its real names, and one
 * fictional person per role. Data only; `load.ts` writes it into a store.
 *
 * Which village belongs to which town follows the articles in `seeds/`: 鹤峰村 (with its 高边经济社),
 * 宏岗村, 大步社区, 河村社区, 金旗峰社区 and 新兴社区 are in 里水镇 (articles 000, 001); 太平社区 (with
 * 白界西经济社) and 沥中社区 in 大沥镇 (article 002), and 奇槎社区 too; 大圩社区 in 桂城街道 (article 002);
 * 高边社区 (with 璜溪经济社), 朗沙社区, 招大社区 and 博爱社区 in 狮山镇 (article 003). 里水镇's
 * departments are units of kind `department` beside its villages. The people are made up.
 */

/** The one password of every demo user: for demos only, never for real data. */
export const DEMO_PASSWORD = 'shanzhi2026';

export interface DemoUnit {
  readonly path: string;
  readonly name: string;
  readonly kind: UnitKind;
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  { path: '/nanhai/', name: '南海区', kind: 'district' },

  { path: '/nanhai/lishui/', name: '里水镇', kind: 'town' },
  { path: '/nanhai/lishui/dangjian/', name: '党建办', kind: 'department' },
  { path: '/nanhai/lishui/minzheng/', name: '民政办', kind: 'department' },
  { path: '/nanhai/lishui/nongye/', name: '农业农村办', kind: 'department' },
  { path: '/nanhai/lishui/zhifa/', name: '综合执法办', kind: 'department' },
  { path: '/nanhai/lishui/hefeng/', name: '鹤峰村', kind: 'village' },
  { path: '/nanhai/lishui/hefeng/gaobian/', name: '高边经济社', kind: 'cooperative' },
  { path: '/nanhai/lishui/honggang/', name: '宏岗村', kind: 'village' },
  { path: '/nanhai/lishui/dabu/', name: '大步社区', kind: 'community' },
  { path: '/nanhai/lishui/hecun/', name: '河村社区', kind: 'community' },
  { path: '/nanhai/lishui/jinqifeng/', name: '金旗峰社区', kind: 'community' },
  { path: '/nanhai/lishui/xinxing/', name: '新兴社区', kind: 'community' },

  { path: '/nanhai/dali/', name: '大沥镇', kind: 'town' },
  { path: '/nanhai/dali/taiping/', name: '太平社区', kind: 'community' },
  { path: '/nanhai/dali/taiping/baijiexi/', name: '白界西经济社', kind: 'cooperative' },
  { path: '/nanhai/dali/lizhong/', name: '沥中社区', kind: 'community' },
  { path: '/nanhai/dali/qicha/', name: '奇槎社区', kind: 'community' },

  { path: '/nanhai/guicheng/', name: '桂城街道', kind: 'town' },
  { path: '/nanhai/guicheng/daxu/', name: '大圩社区', kind: 'community' },

  { path: '/nanhai/shishan/', name: '狮山镇', kind: 'town' },
  { path: '/nanhai/shishan/gaobian/', name: '高边社区', kind: 'community' },
  { path: '/nanhai/shishan/gaobian/huangxi/', name: '璜溪经济社', kind: 'cooperative' },
  { path: '/nanhai/shishan/langsha/', name: '朗沙社区', kind: 'community' },
  { path: '/nanhai/shishan/zhaoda/', name: '招大社区', kind: 'community' },
  { path: '/nanhai/shishan/boai/', name: '博爱社区', kind: 'community' },
];

export const PATHS = {
  nanhai: '/nanhai/',
  lishui: '/nanhai/lishui/',
  hefeng: '/nanhai/lishui/hefeng/',
  honggang: '/nanhai/lishui/honggang/',
  dali: '/nanhai/dali/',
  taiping: '/nanhai/dali/taiping/',
  lizhong: '/nanhai/dali/lizhong/',
} as const;

export interface DemoUser {
  /** Pinyin: where, then what (书记 shuji, 办事员 banshi, 管理员 guanli …). */
  readonly username: string;
  readonly displayName: string;
  /** The post, as the login table shows it. */
  readonly title: string;
  readonly grants: readonly (readonly [Role, string])[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'nanhai-guanli', displayName: '何志远', title: '南海区管理员', grants: [['town-admin', PATHS.nanhai]] },
  { username: 'lishui-guanli', displayName: '梁淑仪', title: '里水镇管理员', grants: [['town-admin', PATHS.lishui]] },
  { username: 'lishui-banshi', displayName: '冼文静', title: '里水镇办事员', grants: [['clerk', PATHS.lishui]] },
  { username: 'lishui-sheji', displayName: '陈嘉明', title: '里水镇党建办（流程设计）', grants: [['designer', PATHS.lishui]] },
  {
    username: 'lishui-minzheng',
    displayName: '黎雪梅',
    title: '里水镇民政办负责人（倡导类条款审查）',
    grants: [['approver', '/nanhai/lishui/minzheng/']],
  },
  { username: 'lishui-zhifa', displayName: '何国栋', title: '里水镇综合执法办负责人', grants: [['approver', '/nanhai/lishui/zhifa/']] },
  { username: 'lishui-shenpi', displayName: '邓伟强', title: '里水镇农业农村办负责人（备案审批）', grants: [['approver', PATHS.lishui]] },
  { username: 'hefeng-guanli', displayName: '罗美玲', title: '鹤峰村管理员', grants: [['village-admin', PATHS.hefeng]] },
  { username: 'hefeng-banshi', displayName: '黄晓琳', title: '鹤峰村办事员', grants: [['clerk', PATHS.hefeng]] },
  { username: 'hefeng-shuji', displayName: '张建国', title: '鹤峰村党委书记', grants: [['approver', PATHS.hefeng]] },
  { username: 'hefeng-liangwei', displayName: '李秀英', title: '鹤峰村两委成员', grants: [['approver', PATHS.hefeng]] },
  { username: 'hefeng-dangyuan', displayName: '王志强', title: '鹤峰村党员、村民代表', grants: [['member', PATHS.hefeng]] },
  { username: 'hefeng-wangge', displayName: '刘海波', title: '鹤峰村网格员', grants: [['grid-worker', PATHS.hefeng]] },
  { username: 'honggang-guanli', displayName: '麦惠芬', title: '宏岗村管理员', grants: [['village-admin', PATHS.honggang]] },
  { username: 'honggang-banshi', displayName: '区家豪', title: '宏岗村办事员', grants: [['clerk', PATHS.honggang]] },
  { username: 'honggang-shuji', displayName: '潘国雄', title: '宏岗村党委书记', grants: [['approver', PATHS.honggang]] },
  { username: 'honggang-dangyuan', displayName: '区志明', title: '宏岗村党员、村民代表', grants: [['member', PATHS.honggang]] },
  { username: 'honggang-wangge', displayName: '梁健华', title: '宏岗村网格员', grants: [['grid-worker', PATHS.honggang]] },
  { username: 'dali-guanli', displayName: '关淑贞', title: '大沥镇管理员', grants: [['town-admin', PATHS.dali]] },
  { username: 'dali-sheji', displayName: '谭振华', title: '大沥镇党建办（流程设计）', grants: [['designer', PATHS.dali]] },
  { username: 'dali-shenpi', displayName: '钟永强', title: '大沥镇审批人（备案、执法）', grants: [['approver', PATHS.dali]] },
  { username: 'dali-banshi', displayName: '冯丽娟', title: '大沥镇办事员', grants: [['clerk', PATHS.dali]] },
  { username: 'taiping-guanli', displayName: '陆慧玲', title: '太平社区管理员', grants: [['village-admin', PATHS.taiping]] },
  { username: 'taiping-banshi', displayName: '何嘉欣', title: '太平社区办事员', grants: [['clerk', PATHS.taiping]] },
  { username: 'taiping-shuji', displayName: '黎锦荣', title: '太平社区党委书记', grants: [['approver', PATHS.taiping]] },
  { username: 'taiping-liangwei', displayName: '邵美华', title: '太平社区两委成员', grants: [['approver', PATHS.taiping]] },
  { username: 'taiping-dangyuan', displayName: '杜国良', title: '太平社区党员、居民代表', grants: [['member', PATHS.taiping]] },
  { username: 'taiping-wangge', displayName: '苏伟明', title: '太平社区网格员', grants: [['grid-worker', PATHS.taiping]] },
  { username: 'lizhong-guanli', displayName: '曾玉婷', title: '沥中社区管理员', grants: [['village-admin', PATHS.lizhong]] },
  { username: 'lizhong-banshi', displayName: '卢家俊', title: '沥中社区办事员', grants: [['clerk', PATHS.lizhong]] },
  { username: 'lizhong-shuji', displayName: '简志坚', title: '沥中社区党委书记', grants: [['approver', PATHS.lizhong]] },
  { username: 'lizhong-dangyuan', displayName: '岑丽芳', title: '沥中社区党员、居民代表', grants: [['member', PATHS.lizhong]] },
  { username: 'lizhong-wangge', displayName: '黄志鹏', title: '沥中社区网格员', grants: [['grid-worker', PATHS.lizhong]] },
  { username: 'nanhai-shenji', displayName: '吴静', title: '南海区审计员', grants: [['auditor', PATHS.nanhai]] },
];

export interface DemoProcedure {
  readonly key: string;
  readonly unitPath: string;
  readonly file: URL;
  /** The forms of its steps, deployed with it. */
  readonly forms: URL;
  readonly deployedBy: string;
}

/**
 * A village's everyday request (村级事务申报): the clerk files it, the secretary reviews it and may
 * send it back, the two committees countersign, the result is posted on the village board.
 */
export const DEMO_REQUEST_PROCEDURE: DemoProcedure = {
  key: 'village_request',
  unitPath: PATHS.lishui,
  file: new URL('./procedures/village-request.bpmn', import.meta.url),
  forms: new URL('./procedures/forms/', import.meta.url),
  deployedBy: 'lishui-sheji',
};

export const DEMO_PROCEDURES: readonly DemoProcedure[] = [DEMO_REQUEST_PROCEDURE];

/** A town's publication of a library template to its villages, with its bounds. */
export interface DemoPublication {
  readonly templateId: string;
  readonly version: string;
  readonly unitPath: string;
  readonly publishedBy: string;
  readonly bounds?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly defaults?: Readonly<Record<string, unknown>>;
}

/** A village's adoption of what its town published, with the village's own settings. */
export interface DemoAdoption {
  readonly templateId: string;
  readonly unitPath: string;
  readonly adoptedBy: string;
  readonly overlay: Readonly<Record<string, unknown>>;
}

export const DEMO_PUBLICATIONS: readonly DemoPublication[] = [
  {
    templateId: 'key-matters',
    version: '1.0.0',
    unitPath: PATHS.lishui,
    publishedBy: 'lishui-guanli',
    // 里水镇 asks for a longer posting than the law's minimum and files matters from 20万 up.
    bounds: { postingDays: { minimum: 7, maximum: 15 } },
    defaults: { filingThreshold: 200000 },
  },
  {
    templateId: 'covenant-amendment',
    version: '1.0.0',
    unitPath: PATHS.lishui,
    publishedBy: 'lishui-guanli',
    // 里水镇's departments review the clauses of their fields (民政办 the advocacy ones).
    defaults: {
      reviewers: [
        { category: '倡导类', group: 'approver@/nanhai/lishui/minzheng/' },
        { category: '专项类·公共诉求', group: 'approver@/nanhai/lishui/minzheng/' },
        { category: '专项类·集体经济', group: 'approver@/nanhai/lishui/nongye/' },
        { category: '专项类·宅基地', group: 'approver@/nanhai/lishui/nongye/' },
        { category: '专项类·土地整合', group: 'approver@/nanhai/lishui/nongye/' },
        { category: '专项类·征地拆迁', group: 'approver@/nanhai/lishui/nongye/' },
        { category: '专项类·村级工业园改造', group: 'approver@/nanhai/lishui/nongye/' },
        { category: '专项类·两违治理', group: 'approver@/nanhai/lishui/zhifa/' },
        { category: '专项类·出租屋自治管理', group: 'approver@/nanhai/lishui/zhifa/' },
      ],
    },
  },
  {
    templateId: 'rental-housing',
    version: '1.0.0',
    unitPath: PATHS.lishui,
    publishedBy: 'lishui-guanli',
    // Cases past their deadline go to 里水镇综合执法办; a major fire hazard is fixed within a day at most.
    bounds: { majorHours: { maximum: 24 } },
    defaults: { enforcers: ['approver@/nanhai/lishui/zhifa/'] },
  },
  {
    templateId: 'key-matters',
    version: '1.0.0',
    unitPath: PATHS.dali,
    publishedBy: 'dali-guanli',
    // 大沥镇 keeps the law's posting period and files matters from 10万 up.
    defaults: { filingThreshold: 100000 },
  },
  {
    templateId: 'rental-housing',
    version: '1.0.0',
    unitPath: PATHS.dali,
    publishedBy: 'dali-guanli',
    // 大沥镇's approvers take the cases past their deadline (the template's default); low-risk houses at least every four months.
    bounds: { lowRiskDays: { maximum: 120 } },
  },
  {
    templateId: 'pairing-schedule',
    version: '1.0.0',
    unitPath: PATHS.lishui,
    publishedBy: 'lishui-guanli',
    // 里水镇's 党建星期二 is a Tuesday morning for every village.
    bounds: { sessionHour: { minimum: 9, maximum: 11 } },
  },
];

/** Each village's adoptions, each with its own settings: 里水镇's 鹤峰村 and 宏岗村 take all four. */
export const DEMO_ADOPTIONS: readonly DemoAdoption[] = [
  {
    templateId: 'key-matters',
    unitPath: PATHS.hefeng,
    adoptedBy: 'hefeng-guanli',
    overlay: { parameters: { postingDays: 10, board: '鹤峰村村务公开栏' } },
  },
  {
    templateId: 'key-matters',
    unitPath: PATHS.honggang,
    adoptedBy: 'honggang-guanli',
    overlay: {
      name: '宏岗村重要事项决策',
      parameters: {
        board: '宏岗村村务公开栏',
        stepDays: 7,
        matters: [
          { type: '集体收益使用', threshold: 30000, body: '村民代表会议' },
          { type: '集体经济项目', threshold: 50000, body: '村民代表会议' },
          { type: '集体财产借贷租赁', threshold: 30000, body: '村民代表会议' },
          { type: '宅基地使用方案', threshold: 0, body: '村民会议' },
        ],
      },
      fields: {
        'key-matters-proposal': [
          { op: 'add', path: '/schema/properties/fundSource', value: { type: 'string', title: '资金来源', maxLength: 200 } },
          { op: 'add', path: '/schema/required/-', value: 'fundSource' },
          { op: 'add', path: '/uiSchema/ui:order/5', value: 'fundSource' },
        ],
      },
    },
  },
  {
    templateId: 'covenant-amendment',
    unitPath: PATHS.hefeng,
    adoptedBy: 'hefeng-guanli',
    overlay: { parameters: { board: '鹤峰村村务公开栏' } },
  },
  {
    templateId: 'covenant-amendment',
    unitPath: PATHS.honggang,
    adoptedBy: 'honggang-guanli',
    overlay: { name: '宏岗村村规民约修订', parameters: { board: '宏岗村村务公开栏', consultationDays: 15, publicationDays: 15 } },
  },
  { templateId: 'rental-housing', unitPath: PATHS.hefeng, adoptedBy: 'hefeng-guanli', overlay: {} },
  {
    templateId: 'rental-housing',
    unitPath: PATHS.honggang,
    adoptedBy: 'honggang-guanli',
    // 宏岗村's many factory dormitories: shorter limits, its own field for the dormitory's employer.
    overlay: {
      parameters: { majorHours: 12, mediumRiskDays: 21, lowRiskDays: 60 },
      fields: {
        'rental-house': [
          { op: 'add', path: '/schema/properties/employer', value: { type: 'string', title: '用工企业', maxLength: 100 } },
          { op: 'add', path: '/uiSchema/ui:order/-', value: 'employer' },
        ],
      },
    },
  },
  {
    templateId: 'pairing-schedule',
    unitPath: PATHS.hefeng,
    adoptedBy: 'hefeng-guanli',
    overlay: {
      parameters: {
        pairs: [
          {
            name: '镇党建办—鹤峰村第一党支部',
            townBranch: '里水镇党建办党支部',
            villageBranch: '鹤峰村第一党支部',
            townMember: 'lishui-sheji',
            villageMembers: ['hefeng-dangyuan'],
            place: '鹤峰村党群服务中心',
          },
        ],
        links: {
          districtLeader: '区委常委（挂钩）',
          districtBranch: '区委组织部机关党支部',
          townLeader: '里水镇党委副书记',
          townBranch: '里水镇党建办党支部',
          deputies: ['区人大代表'],
        },
      },
    },
  },
  {
    templateId: 'pairing-schedule',
    unitPath: PATHS.honggang,
    adoptedBy: 'honggang-guanli',
    overlay: {
      parameters: {
        sessionHour: 10,
        caseDays: 7,
        pairs: [
          {
            name: '镇农业农村办—宏岗村党支部',
            townBranch: '里水镇农业农村办党支部',
            villageBranch: '宏岗村党支部',
            townMember: 'lishui-shenpi',
            place: '宏岗村委会',
          },
        ],
      },
    },
  },
  // 大沥镇's communities: 太平社区 and 沥中社区 run 四议两公开 their own way, 太平社区 its rental houses too.
  {
    templateId: 'key-matters',
    unitPath: PATHS.taiping,
    adoptedBy: 'taiping-guanli',
    overlay: { name: '太平社区重要事项决策', parameters: { postingDays: 7, board: '太平社区居务公开栏', implementationDays: 60 } },
  },
  {
    templateId: 'key-matters',
    unitPath: PATHS.lizhong,
    adoptedBy: 'lizhong-guanli',
    overlay: { parameters: { postingDays: 15, board: '沥中社区居务公开栏', stepDays: 5 } },
  },
  { templateId: 'rental-housing', unitPath: PATHS.taiping, adoptedBy: 'taiping-guanli', overlay: { parameters: { lowRiskDays: 120 } } },
];

/** One step a demo instance has gone through: its open task of that element, claimed and completed by whom, with what. */
export interface DemoStep {
  readonly task: string;
  readonly by: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  /** In a past matter: the day after its start the step was taken on (0: the day it started). */
  readonly day?: number;
}

/**
 * Work under way, so a new user sees a living system: started by the person who would, taken
 * through the steps listed, left at the next one. The last step without variables is only
 * claimed: it waits in that person's inbox as theirs.
 */
export interface DemoInstance {
  readonly definitionKey: string;
  readonly businessKey: string;
  readonly unitPath: string;
  readonly startedBy: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly steps: readonly DemoStep[];
  /**
   * Work done before the load, which the dashboards count: started this many days before it, each
   * step taken on its `day`, the timers fired when due (past.ts), so lateness falls where it would have.
   */
  readonly daysAgo?: number;
}

const VILLAGE_STAFF = {
  [PATHS.hefeng]: { clerk: 'hefeng-banshi', secretary: 'hefeng-shuji' },
  [PATHS.honggang]: { clerk: 'honggang-banshi', secretary: 'honggang-shuji' },
} as const;

/** A 村级事务申报 of the last two months: filed, reviewed, countersigned by whom and on which day after it started. */
interface PastRequest {
  readonly businessKey: string;
  /** The village, whose clerk files it and whose secretary reviews it. */
  readonly unitPath: keyof typeof VILLAGE_STAFF;
  /** Who took it up (签收) and has not filed it yet: it waits in their inbox alone. */
  readonly heldBy?: string;
  readonly daysAgo: number;
  /** What the clerk filed, on day `filed`; neither: never filed, the request waits at the clerk's. */
  readonly request?: Readonly<Record<string, unknown>>;
  readonly filed?: number;
  readonly reviewed?: number;
  readonly votes?: readonly (readonly [by: string, decision: '同意' | '不同意', day: number])[];
}

function pastRequest(r: PastRequest): DemoInstance {
  const staff = VILLAGE_STAFF[r.unitPath];
  const steps: DemoStep[] = [];
  if (r.heldBy !== undefined) steps.push({ task: 'fill', by: r.heldBy, day: 1 });
  if (r.filed !== undefined && r.request !== undefined) steps.push({ task: 'fill', by: staff.clerk, day: r.filed, variables: r.request });
  if (r.reviewed !== undefined)
    steps.push({ task: 'review', by: staff.secretary, day: r.reviewed, variables: { reviewOpinion: '同意，提交两委会签。' } });
  for (const [by, decision, day] of r.votes ?? []) steps.push({ task: 'countersign', by, day, variables: { decision } });
  return {
    definitionKey: 'village_request',
    businessKey: r.businessKey,
    unitPath: r.unitPath,
    startedBy: staff.clerk,
    variables: {},
    steps,
    daysAgo: r.daysAgo,
  };
}

const request = (title: string, category: string, amount: number, description: string) => ({
  title,
  category,
  amount,
  contactMobile: '13800138000',
  description,
});

/**
 * 鹤峰村 and 宏岗村's requests of the last two months: most closed on time, two late (a step done
 * two weeks after it fell due), one not passed by the committee, and two never filed, overdue now:
 * 宏岗村's with its clerk, and 鹤峰村's with the grid worker its administrator gave it to.
 */
const PAST_REQUESTS: readonly DemoInstance[] = [
  pastRequest({
    businessKey: 'HF-SB-2026-031',
    unitPath: PATHS.hefeng,
    daysAgo: 60,
    request: request('文化广场路灯维修', '设施维修', 2600, '文化广场四盏路灯损坏，夜间村民活动不便，更换灯具和线路。'),
    filed: 0,
    reviewed: 1,
    votes: [
      ['hefeng-shuji', '同意', 2],
      ['hefeng-liangwei', '同意', 2],
    ],
  }),
  pastRequest({
    businessKey: 'HF-SB-2026-034',
    unitPath: PATHS.hefeng,
    daysAgo: 45,
    request: request('村委会办公用品采购', '小额开支', 1800, '购置打印纸、墨盒和文件柜一个。'),
    filed: 0,
    reviewed: 1,
    votes: [
      ['hefeng-shuji', '同意', 1],
      ['hefeng-liangwei', '同意', 2],
    ],
  }),
  pastRequest({
    businessKey: 'HF-SB-2026-036',
    unitPath: PATHS.hefeng,
    daysAgo: 50,
    request: request('鱼塘排灌渠清淤', '设施维修', 12000, '东片鱼塘排灌渠淤塞，雨季前清淤约 600 米。'),
    filed: 1,
    reviewed: 16,
    votes: [
      ['hefeng-shuji', '同意', 17],
      ['hefeng-liangwei', '同意', 17],
    ],
  }),
  pastRequest({
    businessKey: 'HF-SB-2026-038',
    unitPath: PATHS.hefeng,
    daysAgo: 30,
    request: request('祠堂前广场借用（重阳敬老宴）', '场地使用', 0, '重阳节在祠堂前广场办敬老宴，借用一天。'),
    filed: 0,
    reviewed: 1,
    votes: [
      ['hefeng-shuji', '同意', 2],
      ['hefeng-liangwei', '不同意', 2],
    ],
  }),
  pastRequest({
    businessKey: 'HF-SB-2026-040',
    unitPath: PATHS.hefeng,
    heldBy: 'hefeng-wangge',
    daysAgo: 24,
  }),
  pastRequest({
    businessKey: 'HG-SB-2026-012',
    unitPath: PATHS.honggang,
    daysAgo: 55,
    request: request('篮球场围网更换', '设施维修', 4500, '篮球场围网锈蚀破损，更换约 80 米。'),
    filed: 0,
    reviewed: 1,
    votes: [['honggang-shuji', '同意', 1]],
  }),
  pastRequest({
    businessKey: 'HG-SB-2026-014',
    unitPath: PATHS.honggang,
    daysAgo: 40,
    request: request('村民活动中心空调维修', '设施维修', 3200, '活动中心两台空调不制冷，维修并加氟。'),
    filed: 16,
    reviewed: 17,
    votes: [['honggang-shuji', '同意', 17]],
  }),
  pastRequest({
    businessKey: 'HG-SB-2026-017',
    unitPath: PATHS.honggang,
    daysAgo: 20,
    request: request('宏岗小学门前减速带', '设施维修', 2200, '小学门前村道加装两条减速带和警示牌。'),
    filed: 1,
    reviewed: 2,
    votes: [['honggang-shuji', '同意', 3]],
  }),
  pastRequest({
    businessKey: 'HG-SB-2026-016',
    unitPath: PATHS.honggang,
    daysAgo: 18,
  }),
];

export const DEMO_INSTANCES: readonly DemoInstance[] = [
  {
    definitionKey: 'key_matters',
    businessKey: 'HF-2026-001',
    unitPath: PATHS.hefeng,
    startedBy: 'hefeng-banshi',
    variables: { matterNo: 'HF-2026-001', matter: '鹤峰村文化室修缮' },
    steps: [{ task: 'propose', by: 'hefeng-shuji' }],
  },
  {
    definitionKey: 'key_matters',
    businessKey: 'HF-2026-002',
    unitPath: PATHS.hefeng,
    startedBy: 'hefeng-banshi',
    variables: { matterNo: 'HF-2026-002', matter: '鹤峰村村道硬化工程' },
    steps: [
      {
        task: 'propose',
        by: 'hefeng-shuji',
        variables: {
          matter: '鹤峰村村道硬化工程',
          matterType: '公益事业兴办及筹资筹劳',
          amount: 860000,
          plan: '申请里水镇以奖代补资金60万元，村集体出资26万元，分两期硬化村道2.3公里',
          committee: ['hefeng-shuji', 'hefeng-liangwei'],
        },
      },
    ],
  },
  {
    definitionKey: 'covenant_amendment',
    businessKey: 'HG-GY-2026-01',
    unitPath: PATHS.honggang,
    startedBy: 'honggang-shuji',
    variables: { covenantNo: 'HG-GY-2026-01', covenantName: '宏岗村村规民约', reason: '纳入出租屋自治管理和“两违”治理条款。' },
    steps: [{ task: 'draft', by: 'honggang-shuji' }],
  },
  {
    definitionKey: 'rental_housing',
    businessKey: 'HF-CZW-0001',
    unitPath: PATHS.hefeng,
    startedBy: 'hefeng-wangge',
    variables: {
      houseNo: 'HF-CZW-0001',
      address: '鹤峰村西区一巷3号',
      grid: '鹤峰村第一网格',
      landlord: '梁志坚',
      landlordPhone: '13926001234',
      landlordId: '440605198003150016',
      houseType: '住宅出租',
      floors: 3,
      rooms: 8,
      capacity: 14,
      riskLevel: '中',
    },
    steps: [{ task: 'inspect', by: 'hefeng-wangge' }],
  },
  {
    definitionKey: 'key_matters',
    businessKey: 'TP-2026-003',
    unitPath: PATHS.taiping,
    startedBy: 'taiping-banshi',
    variables: { matterNo: 'TP-2026-003', matter: '太平社区集体物业招租' },
    steps: [{ task: 'propose', by: 'taiping-shuji' }],
  },
  {
    definitionKey: 'rental_housing',
    businessKey: 'TP-CZW-0112',
    unitPath: PATHS.taiping,
    startedBy: 'taiping-wangge',
    variables: {
      houseNo: 'TP-CZW-0112',
      address: '太平社区太平大街南二巷8号',
      grid: '太平社区第二网格',
      landlord: '邓国辉',
      landlordPhone: '13702812345',
      houseType: '集体宿舍',
      floors: 5,
      rooms: 20,
      capacity: 60,
      riskLevel: '高',
    },
    steps: [],
  },
  ...PAST_REQUESTS,
];

/** Register entries kept by hand before the demo's procedures ran: a covenant in force, a restriction it set, a tenant. */
export interface DemoRegisterEntry {
  readonly register: string;
  readonly unitPath: string;
  readonly by: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly note?: string;
}

export const DEMO_REGISTER_ENTRIES: readonly DemoRegisterEntry[] = [
  ...[
    { no: 1, category: '倡导类', text: '倡导移风易俗，红白喜事从简办理，不大操大办。' },
    { no: 2, category: '专项类·出租屋自治管理', text: '出租屋业主应配合网格员上门检查，及时整改安全隐患。' },
    {
      no: 3,
      category: '专项类·两违治理',
      text: '不得违法占地建房，发现违建及时劝阻并报告村委会。',
      sanction: '违规搭建经劝阻不改、一年内两次以上的，限制竞投集体资产三年',
    },
  ].map((data) => ({ register: 'covenant-clauses', unitPath: PATHS.hefeng, by: 'hefeng-guanli', data, note: '2019年版村规民约' })),
  {
    register: 'restrictions',
    unitPath: PATHS.hefeng,
    by: 'hefeng-guanli',
    data: {
      restrictionNo: 'HF-XZ-2025-004',
      person: '陈志雄',
      idNumber: '440605197506210039',
      kind: '竞投集体资产',
      from: '2025-06-01',
      until: '2028-05-31',
      reason: '一年内两次违规搭建，依村规民约第三条限制竞投集体资产三年',
      clauseNo: 3,
    },
  },
  {
    register: 'rental-tenants',
    unitPath: PATHS.hefeng,
    by: 'hefeng-wangge',
    data: {
      registrationNo: 'HF-ZZ-2026-017',
      houseNo: 'HF-CZW-0001',
      room: '201',
      name: '覃海燕',
      idNumber: '450221199507120026',
      phone: '13800138000',
      moveInOn: '2026-02-20',
      residenceRegistered: true,
    },
  },
];
