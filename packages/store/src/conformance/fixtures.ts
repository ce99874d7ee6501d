import { STATE_VERSION } from '@shanzhi/engine';
import type { Commit, NewEvent, Store } from '../port.ts';
import type { DefinitionJobRecord, InstanceJobRecord, InstanceRecord, OrgUnit, SubscriptionRecord, TaskRecord, User } from '../records.ts';

/**
 * A small piece of 南海区: 里水镇 and two of its villages, 鹤峰村 and 宏岗村, the people who
 * work there, and builders for the records a governance procedure leaves behind.
 */

export const T0 = Date.UTC(2025, 2, 3, 1, 0); // 2025-03-03 09:00 in Beijing
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export const PATH = {
  district: '/nanhai/',
  town: '/nanhai/lishui/',
  hefeng: '/nanhai/lishui/hefeng/',
  honggang: '/nanhai/lishui/honggang/',
} as const;

export const UNITS: readonly OrgUnit[] = [
  { id: 'unit-nanhai', path: PATH.district, name: '南海区', kind: 'district' },
  { id: 'unit-lishui', path: PATH.town, name: '里水镇', kind: 'town' },
  { id: 'unit-hefeng', path: PATH.hefeng, name: '鹤峰村', kind: 'village' },
  { id: 'unit-honggang', path: PATH.honggang, name: '宏岗村', kind: 'village' },
];

const user = (id: string, username: string, displayName: string): User => ({ id, username, displayName, disabled: false, createdAt: T0 });

/** 鹤峰村's clerk, 宏岗村's clerk, a member of 鹤峰村's two committees, and a town official. */
export const USERS = {
  hefengClerk: user('user-li', 'li.wenshu', '李文书'),
  honggangClerk: user('user-chen', 'chen.wenshu', '陈文书'),
  hefengMember: user('user-zhao', 'zhao.weiyuan', '赵委员'),
  townOfficial: user('user-wang', 'wang.zhenganbu', '王干部'),
};

/** Candidate groups are role groups at a unit. */
export const GROUP = {
  hefengCommittees: `两委@${PATH.hefeng}`,
  honggangCommittees: `两委@${PATH.honggang}`,
};

export const DEFINITION = { majorMatters: 'major-matters', rentalHousing: 'rental-housing' } as const;

/** Form keys: the proposal a major-matters procedure starts with, and the rental house register. */
export const FORM = { proposal: 'proposal', rentalHouse: 'rental-house' } as const;

export async function seedDirectory(store: Store): Promise<void> {
  for (const unit of UNITS) await store.units.put(unit);
  for (const u of Object.values(USERS)) await store.users.create(u);
  await store.users.grant({ userId: USERS.hefengClerk.id, role: 'clerk', unitPath: PATH.hefeng });
  await store.users.grant({ userId: USERS.honggangClerk.id, role: 'clerk', unitPath: PATH.honggang });
  await store.users.grant({ userId: USERS.hefengMember.id, role: 'approver', unitPath: PATH.hefeng });
  await store.users.grant({ userId: USERS.townOfficial.id, role: 'town-admin', unitPath: PATH.town });
}

export function instance(id: string, unitPath: string, fields: Partial<InstanceRecord> = {}): InstanceRecord {
  const processId = fields.definitionKey ?? DEFINITION.majorMatters;
  return {
    id,
    definitionId: `${processId}@${unitPath}:1`,
    definitionKey: processId,
    unitPath,
    status: 'active',
    version: 0,
    state: { v: STATE_VERSION, id, processId, status: 'active', next: 2, root: '1', els: { '1': { k: '1', e: processId } } },
    startedAt: T0,
    startedBy: USERS.hefengClerk.id,
    incidents: 0,
    ...fields,
  };
}

export function task(instanceRecord: InstanceRecord, key: string, fields: Partial<TaskRecord> = {}): TaskRecord {
  return {
    id: `${instanceRecord.id}:${key}`,
    instanceId: instanceRecord.id,
    key,
    elementId: 'proposal',
    name: '村党组织提议',
    definitionKey: instanceRecord.definitionKey,
    unitPath: instanceRecord.unitPath,
    status: 'open',
    candidateUsers: [],
    candidateGroups: [],
    priority: 50,
    createdAt: T0,
    version: 1,
    ...fields,
  };
}

export function job(instanceRecord: InstanceRecord, id: string, fields: Partial<InstanceJobRecord> = {}): InstanceJobRecord {
  return {
    id,
    kind: 'timer',
    type: 'timer',
    instanceId: instanceRecord.id,
    unitPath: instanceRecord.unitPath,
    ref: id,
    dueAt: T0,
    retries: 3,
    payload: {},
    createdAt: T0,
    ...fields,
  };
}

/** A timer start event's job: `startEvent` of the definition, due at T0 unless told otherwise. */
export function startTimer(definitionId: string, id: string, fields: Partial<DefinitionJobRecord> = {}): DefinitionJobRecord {
  return {
    id,
    kind: 'startTimer',
    type: 'startTimer',
    definitionId,
    unitPath: PATH.town,
    ref: 'monthlyMeeting',
    dueAt: T0,
    retries: 3,
    payload: { instanceId: `${id}-instance` },
    createdAt: T0,
    ...fields,
  };
}

export function subscription(instanceRecord: InstanceRecord, sub: string, fields: Partial<SubscriptionRecord> = {}): SubscriptionRecord {
  return { instanceId: instanceRecord.id, sub, kind: 'message', name: '村民代表会议决议', unitPath: instanceRecord.unitPath, ...fields };
}

/** The events of a start: created, then the process scope and its first step activated. */
export function startEvents(instanceRecord: InstanceRecord): NewEvent[] {
  const at = instanceRecord.startedAt;
  const actor = instanceRecord.startedBy;
  return [
    {
      event: {
        type: 'InstanceCreated',
        id: instanceRecord.id,
        processId: instanceRecord.definitionKey,
        root: '1',
        ...(instanceRecord.businessKey === undefined ? {} : { businessKey: instanceRecord.businessKey }),
        vars: { 事项: '村道硬化工程', 金额: 80000, 附件: [], 提议人: { 姓名: '李文书', 电话: null } },
      },
      actor,
      at,
    },
    { event: { type: 'ElementActivated', el: { k: '1', e: instanceRecord.definitionKey } }, actor, at },
    { event: { type: 'ElementActivated', el: { k: '2', e: 'proposal', p: '1' } }, actor, at },
  ];
}

export const variablesSet = (key: string, vars: Record<string, unknown>, at: number, actor = USERS.hefengClerk.id): NewEvent => ({
  event: { type: 'VariablesSet', key, vars },
  actor,
  at,
});

/** Starts an instance: its start events plus whatever else the commit should carry. */
export async function start(store: Store, record: InstanceRecord, rest: Omit<Commit, 'instance' | 'expectedVersion' | 'events'> = {}) {
  return store.commit({ instance: record, expectedVersion: null, events: startEvents(record), ...rest });
}

/** Collects every page of a paged query. */
export async function allPages<T>(read: (cursor: string | undefined) => Promise<{ items: readonly T[]; next?: string }>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    pages.push([...page.items]);
    cursor = page.next;
  } while (cursor !== undefined && pages.length < 100);
  return pages;
}
