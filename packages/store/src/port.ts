import type { EngineEvent } from '@shanzhi/engine';
import type {
  AdoptionRecord,
  AttachmentRecord,
  CalendarRecord,
  CommentRecord,
  DefinitionJobRecord,
  DefinitionRecord,
  DelegationRecord,
  EventRecord,
  FormRecord,
  InstanceJobKind,
  InstanceJobRecord,
  InstanceRecord,
  JobKind,
  JobRecord,
  NoticeRecord,
  NotificationKind,
  NotificationRecord,
  ObjectionRecord,
  OrgUnit,
  PublicationRecord,
  RegisterEntryRecord,
  RegisterRecord,
  RegisterWrite,
  Role,
  RoleGrant,
  SessionRecord,
  SubscriptionRecord,
  TaskRecord,
  TaskStatus,
  TemplateVersionRecord,
  User,
  WebhookRecord,
} from './records.ts';

/** A page of results and the cursor for the next one (absent on the last page). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: string;
}

/** "These units and everything below them": the reach of a user's roles. */
export type Reach = readonly string[];

export interface InboxQuery {
  readonly userId: string;
  /** Group names the user belongs to, e.g. `两委@/nanhai/lishui/hefeng/` style role groups. */
  readonly groups: readonly string[];
  readonly reach: Reach;
  readonly status?: TaskStatus;
  readonly definitionKey?: string;
  readonly dueBefore?: number;
  /** Matches the task name or the instance's business key. */
  readonly text?: string;
  /** `due`: soonest first, undated last; `priority`: highest first; `created` (default): newest first. */
  readonly sort?: 'due' | 'priority' | 'created';
  /** Only tasks assigned to the user (`mine`), or only unassigned group tasks (`group`); default both. */
  readonly scope?: 'mine' | 'group' | 'all';
  readonly limit: number;
  readonly cursor?: string;
}

export type InboxCountQuery = Pick<InboxQuery, 'userId' | 'groups' | 'reach' | 'status' | 'definitionKey' | 'dueBefore' | 'scope'>;

export interface InstanceQuery {
  readonly reach: Reach;
  readonly status?: InstanceRecord['status'];
  readonly definitionKey?: string;
  readonly businessKey?: string;
  /** Only the instances this user started (我发起的). */
  readonly startedBy?: string;
  readonly withIncidents?: boolean;
  readonly limit: number;
  readonly cursor?: string;
}

export interface RegisterEntryQuery {
  readonly unitPath: string;
  readonly register: string;
  readonly retired?: boolean;
  readonly limit: number;
  readonly cursor?: string;
}

export interface UserQuery {
  /** Users holding a role at a unit within reach. */
  readonly reach: Reach;
  readonly limit: number;
  readonly cursor?: string;
}

/** A user's notifications, newest first. */
export interface NotificationQuery {
  /** Only those not read yet. */
  readonly unread?: boolean;
  /** Only those of one kind (抄送我的: `cc`). */
  readonly kind?: NotificationKind;
  readonly limit: number;
  readonly cursor?: string;
}

/** Outbox jobs of one type that were given up on (see jobs.deadLetters), within reach. */
export interface DeadLetterQuery {
  readonly type: string;
  readonly reach: Reach;
  readonly limit: number;
  readonly cursor?: string;
}

/** Open tasks, in all and per definition key. */
export interface OpenTaskCounts {
  readonly total: number;
  readonly byDefinition: Readonly<Record<string, number>>;
}

/**
 * The matters (top-level instances: a called procedure is a step of its caller's matter) started
 * at units within reach in `[startedFrom, startedTo)`, counted for the dashboards.
 */
export interface MatterStatsQuery {
  readonly reach: Reach;
  readonly startedFrom: number;
  readonly startedTo: number;
  readonly definitionKey?: string;
  /** Overdue means an open task due before this. */
  readonly now: number;
}

/**
 * One unit's matters of one procedure. A matter is closed when it completed or was terminated (its
 * procedure ran to an end), closed late when any of its tasks ended after its due time; cancelled
 * and withdrawn matters count only as started.
 */
export interface MatterCounts {
  readonly unitPath: string;
  readonly definitionKey: string;
  readonly started: number;
  readonly open: number;
  /** Of the open, those with an open task past its due time. */
  readonly overdue: number;
  readonly closedOnTime: number;
  readonly closedLate: number;
}

/** The matters within reach per period: `bounds` are the periods' edges, ascending (n + 1 edges for n periods). */
export interface MatterTrendQuery {
  readonly reach: Reach;
  readonly bounds: readonly number[];
  readonly definitionKey?: string;
}

/** One period `[from, to)`: matters started in it, and closed in it (on time or not). */
export interface MatterTrendPoint {
  readonly from: number;
  readonly to: number;
  readonly started: number;
  readonly closed: number;
  readonly closedOnTime: number;
}

/** A job its holder finished: the commit fails with StoreConflict unless `owner` still holds the job. */
export interface JobDone {
  readonly id: string;
  readonly owner: string;
}

/** A job out of retries, given back by its holder to wait for the incident it raised on its instance. */
export interface JobParked extends JobDone {
  readonly incident: string;
  readonly error: string;
}

/** The jobs waiting for this incident (of the commit's instance) get retries again and are due at `dueAt`. */
export interface JobsResumed {
  readonly incident: string;
  readonly retries: number;
  readonly dueAt: number;
}

/** A new event, before the store chains it. */
export interface NewEvent {
  readonly event: EngineEvent;
  readonly actor: string;
  readonly at: number;
}

/**
 * Everything one engine transition changes, written atomically: the instance (guarded by the
 * version it was read at), its events (chained by hash), its inbox rows, jobs, subscriptions,
 * notices and notifications. A version mismatch, or a job finished or parked by a worker that no longer holds
 * it (its lease ran out and another worker took it over), writes nothing and throws StoreConflict.
 */
export interface Commit {
  readonly instance: InstanceRecord;
  /** The version the writer read; null when the instance is new. The stored version becomes this + 1 (or 1). */
  readonly expectedVersion: number | null;
  readonly events: readonly NewEvent[];
  /** Upserted tasks get their version from the store: 1 when new, one more than the stored one otherwise. */
  readonly tasks?: {
    readonly upsert?: readonly TaskRecord[];
    readonly end?: readonly { id: string; status: Exclude<TaskStatus, 'open'>; at: number; by?: string }[];
  };
  /**
   * Applied in this order: done, parked, resumed, removed, added (so a job done and added again under its id moves here).
   * A commit leaving its instance ended also removes the instance's jobs parked on an incident, which no one can resolve any
   * more; its other jobs go only when named (an outbox job is work for other instances).
   */
  readonly jobs?: {
    readonly add?: readonly InstanceJobRecord[];
    readonly remove?: readonly { instanceId: string; ref: string; kind?: InstanceJobKind }[];
    /** Jobs of any instance or definition whose work this transition is (a timer fired, a message delivered). */
    readonly done?: readonly JobDone[];
    readonly park?: readonly JobParked[];
    readonly resume?: readonly JobsResumed[];
  };
  readonly subscriptions?: {
    readonly add?: readonly SubscriptionRecord[];
    readonly remove?: readonly { instanceId: string; sub: string }[];
  };
  readonly notices?: {
    readonly add?: readonly NoticeRecord[];
  };
  /** What the transition tells people (a task offered to them), each about this instance. */
  readonly notifications?: {
    readonly add?: readonly NotificationRecord[];
  };
  /** Register entries a step wrote (a built-in register job completed in this commit). */
  readonly registers?: {
    readonly put?: readonly RegisterWrite[];
  };
}

export interface ChainBreak {
  readonly instanceId: string;
  readonly seq: number;
  readonly reason: string;
}

export interface Store {
  /** Creates or upgrades the schema (versioned migrations); safe to run at every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  readonly units: {
    put(unit: OrgUnit): Promise<void>;
    byPath(path: string): Promise<OrgUnit | undefined>;
    /** The unit at `path` and everything below it, in path order. */
    under(path: string): Promise<OrgUnit[]>;
  };

  readonly users: {
    create(user: User): Promise<void>;
    byUsername(username: string): Promise<User | undefined>;
    byId(id: string): Promise<User | undefined>;
    setPassword(id: string, passwordHash: string): Promise<void>;
    /** Disables an account (it signs in no more, and is no task's candidate) or enables it again; throws for an unknown user. */
    setDisabled(id: string, disabled: boolean): Promise<void>;
    grant(grant: RoleGrant): Promise<void>;
    revoke(grant: RoleGrant): Promise<void>;
    grantsOf(userId: string): Promise<RoleGrant[]>;
    /** Users (enabled or not) holding a role within reach, by username. */
    list(query: UserQuery): Promise<Page<User>>;
    /** Enabled users holding `role` at this very unit (a grant above it does not count), by username. */
    withRoleAt(role: Role, unitPath: string): Promise<User[]>;
  };

  readonly definitions: {
    /** Stores a new version: one more than the highest of the same key and unit. */
    deploy(def: Omit<DefinitionRecord, 'version'>): Promise<DefinitionRecord>;
    byId(id: string): Promise<DefinitionRecord | undefined>;
    latest(key: string, unitPath: string): Promise<DefinitionRecord | undefined>;
    list(reach: Reach, key?: string): Promise<DefinitionRecord[]>;
    /** Those deployed at the unit and at each unit above it (a village runs its own and the town's), in the order of list. */
    visibleAt(unitPath: string, key?: string): Promise<DefinitionRecord[]>;
    /**
     * What the unit runs under `key`: the newest version (or `version`) deployed at the unit,
     * else at the nearest unit above it that has one.
     */
    nearest(key: string, unitPath: string, version?: number): Promise<DefinitionRecord | undefined>;
  };

  /** Form definitions, versioned by key and unit like process definitions. */
  readonly forms: {
    /** Stores a new version: one more than the highest of the same key and unit. */
    deploy(form: Omit<FormRecord, 'version'>): Promise<FormRecord>;
    byId(id: string): Promise<FormRecord | undefined>;
    list(reach: Reach, key?: string): Promise<FormRecord[]>;
    /** Those deployed at the unit and at each unit above it, in the order of list. */
    visibleAt(unitPath: string, key?: string): Promise<FormRecord[]>;
    /** The newest version (or `version`) of `key` deployed at the unit, else at the nearest unit above it that has one. */
    nearest(key: string, unitPath: string, version?: number): Promise<FormRecord | undefined>;
  };

  /** Governance template versions and the towns' publications of them. */
  readonly templates: {
    /**
     * Keeps a template version. The same id again with an equal package changes nothing (a
     * restart imports the library again); with another package it is refused with StoreDuplicate.
     */
    putVersion(record: TemplateVersionRecord): Promise<void>;
    version(templateId: string, version: string): Promise<TemplateVersionRecord | undefined>;
    /** Every version kept, by template id, then oldest version first (by semver). */
    versions(templateId?: string): Promise<TemplateVersionRecord[]>;
    /** Keeps a new publication; an id kept already is refused with StoreDuplicate. */
    publish(publication: PublicationRecord): Promise<void>;
    publication(id: string): Promise<PublicationRecord | undefined>;
    /** Publications a unit may adopt: made at the unit or any unit above it, newest first. */
    publicationsFor(unitPath: string, templateId?: string): Promise<PublicationRecord[]>;
    /** Publications made at units within reach, newest first. */
    publicationsWithin(reach: Reach): Promise<PublicationRecord[]>;
  };

  /** Units' adoptions of templates: one per template and unit. */
  readonly adoptions: {
    /**
     * Creates the adoption (`expectedRevision` null; a second adoption of the template at the unit
     * is refused with StoreDuplicate), or replaces it when the stored revision is `expectedRevision`
     * (the record's own revision must be one more); StoreConflict('adoption') otherwise.
     */
    save(adoption: AdoptionRecord, expectedRevision: number | null): Promise<void>;
    byId(id: string): Promise<AdoptionRecord | undefined>;
    of(templateId: string, unitPath: string): Promise<AdoptionRecord | undefined>;
    /** Adoptions at units within reach, by unit path, then template id. */
    within(reach: Reach): Promise<AdoptionRecord[]>;
  };

  /** Working-day calendars, one per unit and year. */
  readonly calendars: {
    /** Keeps the unit's calendar for the year, in place of the one it had. */
    put(calendar: CalendarRecord): Promise<void>;
    /** The calendar of the year that holds at the unit: its own, else the nearest unit above it that has one. */
    forUnit(unitPath: string, year: number): Promise<CalendarRecord | undefined>;
    /** The calendars kept at units within reach, by unit path and year. */
    list(reach: Reach): Promise<CalendarRecord[]>;
  };

  readonly instances: {
    byId(id: string): Promise<InstanceRecord | undefined>;
    byBusinessKey(definitionKey: string, unitPath: string, businessKey: string): Promise<InstanceRecord | undefined>;
    list(query: InstanceQuery): Promise<Page<InstanceRecord>>;
  };

  /** Counts for the dashboards, aggregated in the store. */
  readonly stats: {
    /** Per unit and procedure, in unit path then procedure key order; only pairs with a matter. */
    matters(query: MatterStatsQuery): Promise<MatterCounts[]>;
    /** One point per period, in order, zeros included. */
    trend(query: MatterTrendQuery): Promise<MatterTrendPoint[]>;
  };

  readonly tasks: {
    byId(id: string): Promise<TaskRecord | undefined>;
    inbox(query: InboxQuery): Promise<Page<TaskRecord>>;
    /** How many tasks the inbox query finds in all its pages (the inbox's tab counts); text search is not counted. */
    count(query: InboxCountQuery): Promise<number>;
    ofInstance(instanceId: string): Promise<TaskRecord[]>;
    /** Open tasks within reach (everywhere without one), for the open-tasks gauge. */
    countOpen(reach?: Reach): Promise<OpenTaskCounts>;
    /** Open tasks due after `after` and by `until`, soonest first, at most `limit`: whose holders to remind. */
    dueBetween(after: number, until: number, limit: number): Promise<TaskRecord[]>;
  };

  readonly jobs: {
    /**
     * Locks up to `limit` due jobs of these kinds for `owner` until now + leaseMs, soonest due first; a job is held by one
     * owner at a time. Jobs with no retries left are never handed out (they wait for their incident to be resolved).
     */
    claimDue(kinds: readonly JobKind[], owner: string, now: number, leaseMs: number, limit: number): Promise<JobRecord[]>;
    /** External jobs of these types within reach, locked for the worker (Camunda fetch-and-lock). */
    fetchAndLock(
      types: readonly string[],
      reach: Reach,
      worker: string,
      now: number,
      lockMs: number,
      max: number,
    ): Promise<InstanceJobRecord[]>;
    byId(id: string): Promise<JobRecord | undefined>;
    /** Every job of an instance, parked ones too, in creation order. */
    ofInstance(instanceId: string): Promise<InstanceJobRecord[]>;
    extendLock(id: string, owner: string, until: number): Promise<boolean>;
    /** A failed attempt: fewer retries, due again at `dueAt`, unlocked. */
    retryLater(id: string, owner: string, retries: number, dueAt: number, error: string): Promise<boolean>;
    /** Gives back every lease an owner holds (graceful shutdown). */
    release(owner: string): Promise<number>;
    /** Jobs of every kind that a claim or fetch at `now` could take. */
    countDue(now: number): Promise<number>;
    /** The earliest dueAt among them. */
    oldestDue(now: number): Promise<number | undefined>;
    /**
     * Adds a definition's job (a timer start event), outside any commit. Idempotent per (definition, ref): when the
     * definition already has a job with this ref, nothing changes and the answer is false.
     */
    schedule(job: DefinitionJobRecord): Promise<boolean>;
    /**
     * Ends a definition's job, for its holder only: it goes, or with `next` stays for another run (unlocked, due then).
     * False, and nothing changes, when `owner` no longer holds it (the lease ran out and another owner took it).
     */
    finish(id: string, owner: string, next?: Pick<DefinitionJobRecord, 'dueAt' | 'retries' | 'payload'>): Promise<boolean>;
    /** Drops every job of a definition (a newer version replaces its timer start events); the number dropped. */
    unschedule(definitionId: string): Promise<number>;
    /**
     * Dead letters: outbox jobs of the type out of retries and waiting for no incident (work no instance waits for that
     * failed every attempt, such as a webhook delivery), within reach, the last given up (the latest dueAt) first.
     */
    deadLetters(query: DeadLetterQuery): Promise<Page<InstanceJobRecord>>;
    /** A dead letter gets `retries` again and is due at `dueAt`; false, and nothing changes, when `id` is not one. */
    revive(id: string, retries: number, dueAt: number): Promise<boolean>;
  };

  readonly subscriptions: {
    /** Subscriptions waiting for this message; without a correlation key, only those that wait for none. */
    messages(name: string, correlationKey: string | undefined, reach: Reach): Promise<SubscriptionRecord[]>;
    signals(name: string, reach: Reach): Promise<SubscriptionRecord[]>;
  };

  readonly events: {
    ofInstance(instanceId: string): Promise<EventRecord[]>;
    /** At most `limit` of an instance's events after `afterSeq` (0: from the first), in order: its history a page at a time. */
    range(instanceId: string, afterSeq: number, limit: number): Promise<EventRecord[]>;
    /** Recomputes every chain (or one instance's); the first broken link, in instance id order, or undefined when all verify. */
    verify(instanceId?: string): Promise<ChainBreak | undefined>;
  };

  readonly comments: {
    add(comment: CommentRecord): Promise<void>;
    ofTask(taskId: string): Promise<CommentRecord[]>;
  };

  readonly attachments: {
    add(meta: AttachmentRecord, content: Uint8Array): Promise<void>;
    ofTask(taskId: string): Promise<AttachmentRecord[]>;
    byId(id: string): Promise<AttachmentRecord | undefined>;
    content(id: string): Promise<Uint8Array | undefined>;
  };

  /** Away delegations (委托): whose new tasks go to whom, while. */
  readonly delegations: {
    /** Keeps a new delegation; an id kept already is refused with StoreDuplicate. */
    put(delegation: DelegationRecord): Promise<void>;
    byId(id: string): Promise<DelegationRecord | undefined>;
    /** Ends it at `at` from then on; false when there is none by the id or it had ended already. */
    end(id: string, at: number): Promise<boolean>;
    /**
     * The delegation that holds for the user's new tasks of the procedure at `at`: begun, not past
     * its until nor ended, for every procedure or this one; the most recently created wins.
     */
    activeFor(userId: string, at: number, definitionKey: string): Promise<DelegationRecord | undefined>;
    /** Those the user set up or is deputy in, ended ones too, newest first. */
    ofUser(userId: string): Promise<DelegationRecord[]>;
  };

  /** The public boards; notices are posted by commits. */
  readonly notices: {
    /** What the unit's board shows at `now` (posted, not yet taken down), newest first; the units below have boards of their own. */
    current(unitPath: string, now: number): Promise<NoticeRecord[]>;
    byId(id: string): Promise<NoticeRecord | undefined>;
  };

  /** The registers units keep (台账) and their entries, every revision kept. */
  readonly registers: {
    /** Declares a register at a unit, or updates its name, form and key field (a new template version). */
    declare(register: RegisterRecord): Promise<void>;
    byId(unitPath: string, id: string): Promise<RegisterRecord | undefined>;
    /** The registers kept at these units, by unit then id. */
    within(reach: Reach): Promise<RegisterRecord[]>;
    /**
     * Writes one entry, outside any commit. With `expectedRevision` (null: the entry must be new) another writer's
     * revision in between is a StoreConflict('register'); the answer is the entry as stored.
     */
    put(write: RegisterWrite, expectedRevision?: number | null): Promise<RegisterEntryRecord>;
    /** The newest revision of an entry, retired ones too. */
    entry(unitPath: string, register: string, key: string): Promise<RegisterEntryRecord | undefined>;
    /** The entries in key order; retired ones only when asked. */
    entries(query: RegisterEntryQuery): Promise<Page<RegisterEntryRecord>>;
    /** Every revision of an entry, the newest first. */
    history(unitPath: string, register: string, key: string): Promise<RegisterEntryRecord[]>;
  };

  /** Objections villagers file against notices (异议), kept for the unit's staff. */
  readonly objections: {
    add(objection: ObjectionRecord): Promise<void>;
    /** The newest first within reach, at most `limit`. */
    within(reach: Reach, limit: number): Promise<ObjectionRecord[]>;
  };

  /** Each user's in-app notifications; most are written by the commit of the step that causes them. */
  readonly notifications: {
    /** Notifications that no instance commit carries, all or none. */
    add(records: readonly NotificationRecord[]): Promise<void>;
    /** The user's notifications (only the unread ones with `unread`), newest first. */
    ofUser(userId: string, query: NotificationQuery): Promise<Page<NotificationRecord>>;
    unreadCount(userId: string): Promise<number>;
    /**
     * Marks the user's unread notifications among `ids` (or all of them) read at `at`; the number marked. Ids of
     * someone else's notifications, or of ones read before, change nothing.
     */
    markRead(userId: string, ids: readonly string[] | 'all', at: number): Promise<number>;
    /** The notifications of one kind about an instance, to anyone, oldest first: its copies (抄送) and who read them. */
    aboutInstance(instanceId: string, kind: NotificationKind): Promise<NotificationRecord[]>;
  };

  /** The towns' gateways for their notifications. */
  readonly webhooks: {
    /** Creates a webhook, or replaces the one with its id. */
    put(webhook: WebhookRecord): Promise<void>;
    /** False when there was none. */
    remove(id: string): Promise<boolean>;
    byId(id: string): Promise<WebhookRecord | undefined>;
    /** The webhooks at the unit and at each unit above it (a village's notifications go to its town's), enabled or not, as list orders them. */
    forUnit(unitPath: string): Promise<WebhookRecord[]>;
    /** The webhooks within reach, by unit, then oldest first. */
    list(reach: Reach): Promise<WebhookRecord[]>;
  };

  /** Logins and their refresh tokens, shared by every server process. */
  readonly sessions: {
    create(session: SessionRecord): Promise<void>;
    byId(id: string): Promise<SessionRecord | undefined>;
    /**
     * Spends the refresh token whose hash is `tokenHash` for the next one. Only one caller spends a token: false, and
     * nothing changes, when it is no longer the session's current one, or the session was revoked or expired by `now`.
     */
    rotate(id: string, tokenHash: string, next: Pick<SessionRecord, 'tokenHash' | 'expiresAt'>, now: number): Promise<boolean>;
    /** Ends a session (an ended one keeps its first end). */
    revoke(id: string, at: number): Promise<void>;
    /** Forgets sessions that expired before `before`; the number forgotten. */
    purgeExpired(before: number): Promise<number>;
  };

  /** Counters of attempts (logins per account and per address) that every server process shares. */
  readonly attempts: {
    /**
     * Counts one attempt under `key` in the fixed window of `windowMs` that holds `now`: the
     * attempts in that window so far, this one included, and when the window ends. Windows that
     * have ended are forgotten.
     */
    count(key: string, windowMs: number, now: number): Promise<{ count: number; endsAt: number }>;
  };

  commit(commit: Commit): Promise<InstanceRecord>;
}

/**
 * Thrown by commit when the instance version read is no longer the stored one (`instance`), or
 * when a job it finishes or parks is no longer held by the owner it names (`job`); by
 * adoptions.save when the revision read is no longer the stored one (`adoption`).
 */
export class StoreConflict extends Error {
  readonly code = 'SZ_STORE_CONFLICT';
  constructor(
    readonly entity: 'instance' | 'job' | 'adoption' | 'register',
    readonly id: string,
  ) {
    super(entity === 'job' ? `job ${id} is no longer held by the worker finishing it` : `${entity} ${id} was changed by someone else`);
  }
}

/** Thrown by a paged query given a cursor that is not the `next` of one of its pages. */
export class StoreCursorInvalid extends Error {
  readonly code = 'SZ_STORE_CURSOR_INVALID';
}

/** Thrown when a unique key is taken (a business key started twice, a username). */
export class StoreDuplicate extends Error {
  readonly code = 'SZ_STORE_DUPLICATE';
  constructor(readonly what: string) {
    super(`${what} already exists`);
  }
}
