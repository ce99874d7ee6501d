import type { CalendarYear, EngineEvent, InstanceState, Vars } from '@shanzhi/engine';

/**
 * What the store keeps. Every record that belongs somewhere in the organisation tree carries
 * the unit's materialized path (`/nanhai/lishui/hefeng/`), so "this unit and below" is a
 * prefix range in every named query, on both adapters, and the shard key on MongoDB.
 */

export type UnitKind = 'district' | 'town' | 'village' | 'community' | 'cooperative' | 'compound' | 'grid' | 'department' | 'party';

export interface OrgUnit {
  readonly id: string;
  readonly path: string;
  readonly name: string;
  readonly kind: UnitKind;
}

export const ROLES = ['town-admin', 'designer', 'village-admin', 'clerk', 'approver', 'member', 'grid-worker', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  /** scrypt hash in the form `scrypt$N$r$p$salt$hash`; absent for users from an external issuer. */
  readonly passwordHash?: string;
  readonly disabled: boolean;
  readonly createdAt: number;
}

/** A role at a unit reaches the unit and everything below it. */
export interface RoleGrant {
  readonly userId: string;
  readonly role: Role;
  readonly unitPath: string;
}

export interface DefinitionRecord {
  readonly id: string;
  /** The BPMN process id; versions count per key and unit. */
  readonly key: string;
  readonly version: number;
  readonly unitPath: string;
  readonly name?: string;
  readonly xml: string;
  readonly deployedAt: number;
  readonly deployedBy: string;
  /** The forms its user tasks and start events bind, pinned when it was deployed: form key -> form id. */
  readonly forms?: Readonly<Record<string, string>>;
  /**
   * Variables every instance of it starts with, which no start may override: a template's
   * parameters as the village set them (posting days, thresholds). JSON.
   */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** What the deployer said changed in this version, shown in its version list. */
  readonly note?: string;
}

/**
 * One version of a governance template package (templates/, packages/template-kit), as it was
 * imported: its manifest, model, forms and parameter schema, never changed once stored, so a
 * village's adoption renders the same whatever the library ships later.
 */
export interface TemplateVersionRecord {
  /** `${templateId}@${version}`. */
  readonly id: string;
  readonly templateId: string;
  /** Semver, e.g. 1.2.0. */
  readonly version: string;
  /** The package as template-kit reads it (JSON). */
  readonly package: Readonly<Record<string, unknown>>;
  readonly importedAt: number;
  readonly importedBy: string;
}

/**
 * A town's offer of a template version to the units below it, with the bounds it sets on the
 * parameters (within the template's own) and its defaults. Never changed; a new one replaces it.
 */
export interface PublicationRecord {
  readonly id: string;
  readonly templateId: string;
  readonly version: string;
  /** The publishing unit (a town): the units at and below it may adopt. */
  readonly unitPath: string;
  /** Per parameter: minimum, maximum, enum... narrowing the template's schema (JSON). */
  readonly bounds: Readonly<Record<string, unknown>>;
  /** Per parameter: the town's default, in place of the template's. */
  readonly defaults: Readonly<Record<string, unknown>>;
  readonly note?: string;
  readonly publishedAt: number;
  readonly publishedBy: string;
}

/** One rendering of an adoption that was deployed: what it was made from, so it can be rolled back to. */
export interface AdoptionDeployment {
  readonly publicationId: string;
  readonly version: string;
  /** The overlay as it was then (JSON). */
  readonly overlay: Readonly<Record<string, unknown>>;
  readonly definitionId: string;
  readonly deployedAt: number;
  readonly deployedBy: string;
  readonly note?: string;
}

/**
 * A unit's adoption of a template: its overlay (parameter values, added form fields, display
 * names) over the publication it follows, and every deployment it made, the newest last.
 */
export interface AdoptionRecord {
  readonly id: string;
  readonly templateId: string;
  readonly unitPath: string;
  /** Optimistic concurrency: each save names the revision it read; 1 when created. */
  readonly revision: number;
  readonly publicationId: string;
  readonly overlay: Readonly<Record<string, unknown>>;
  readonly deployments: readonly AdoptionDeployment[];
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly updatedBy: string;
}

/**
 * A form definition as deployed: JSON Schema 2020-12 of the whole record a procedure fills in,
 * with its uiSchema. Versions count per key and unit, like definitions; a version never changes.
 */
export interface FormRecord {
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly unitPath: string;
  readonly title: string;
  readonly schema: Readonly<Record<string, unknown>>;
  readonly uiSchema?: Readonly<Record<string, unknown>>;
  readonly deployedAt: number;
  readonly deployedBy: string;
}

export interface InstanceRecord {
  readonly id: string;
  readonly definitionId: string;
  readonly definitionKey: string;
  readonly unitPath: string;
  readonly businessKey?: string;
  readonly status: InstanceState['status'];
  /** Optimistic concurrency: each commit must name the version it read. */
  readonly version: number;
  readonly state: InstanceState;
  readonly startedAt: number;
  readonly startedBy: string;
  readonly endedAt?: number;
  readonly parentId?: string;
  /** Open incidents, for the incident list without reading every state. */
  readonly incidents: number;
}

export type TaskStatus = 'open' | 'completed' | 'cancelled';

/** The inbox's own table: one row per user task, kept in step with the instance by each commit. */
export interface TaskRecord {
  /** `${instanceId}:${elementInstanceKey}` */
  readonly id: string;
  readonly instanceId: string;
  readonly key: string;
  readonly elementId: string;
  readonly name?: string;
  readonly definitionKey: string;
  readonly unitPath: string;
  readonly status: TaskStatus;
  readonly assignee?: string;
  /** Set while the task is delegated: the assignee it goes back to when the delegate resolves it. */
  readonly owner?: string;
  readonly candidateUsers: readonly string[];
  readonly candidateGroups: readonly string[];
  readonly dueAt?: number;
  readonly followUpAt?: number;
  readonly priority: number;
  readonly formKey?: string;
  readonly createdAt: number;
  readonly endedAt?: number;
  readonly endedBy?: string;
  /** Set while a deputy holds the task for an away user (委托): the user it was meant for. */
  readonly onBehalfOf?: string;
  /** Bumped by every change, so claim/assign races are detected like instance commits. */
  readonly version: number;
}

/**
 * Work for the workers. Most jobs belong to an instance and are written in the same transaction
 * as the state that asked for them: timers, external jobs (fetched by workers outside), and the
 * outbox (commands for other instances: messages, signals, call activities, their ends). Timer
 * start events belong to a definition instead: no instance exists until they fire.
 */
export type InstanceJobKind = 'timer' | 'external' | 'outbox';
export type JobKind = InstanceJobKind | 'startTimer';

interface JobFields {
  readonly id: string;
  /** External jobs: the job type workers subscribe to; outbox: the command name; timers: 'timer'; start timers: 'startTimer'. */
  readonly type: string;
  readonly unitPath: string;
  /** Timer subscription id or element instance key within the instance; the start event's id for a start timer. */
  readonly ref: string;
  readonly dueAt: number;
  /** Attempts left; a job with none is never handed out. */
  readonly retries: number;
  readonly payload: Vars;
  readonly lockedBy?: string;
  readonly lockedUntil?: number;
  readonly lastError?: string;
  readonly createdAt: number;
}

export interface InstanceJobRecord extends JobFields {
  readonly kind: InstanceJobKind;
  readonly instanceId: string;
  /** Set while the job, out of retries, waits for this incident of its instance to be resolved. */
  readonly incident?: string;
}

/** A timer start event of a deployed definition: one per (definition, start event). */
export interface DefinitionJobRecord extends JobFields {
  readonly kind: 'startTimer';
  readonly definitionId: string;
}

export type JobRecord = InstanceJobRecord | DefinitionJobRecord;

/** A stored event: the engine's event plus who, when, and its place in the instance's hash chain. */
export interface EventRecord {
  readonly instanceId: string;
  readonly seq: number;
  readonly event: EngineEvent;
  readonly actor: string;
  readonly at: number;
  readonly prevHash: string;
  readonly hash: string;
}

export interface SubscriptionRecord {
  readonly instanceId: string;
  readonly sub: string;
  readonly kind: 'message' | 'signal';
  readonly name: string;
  readonly correlationKey?: string;
  readonly unitPath: string;
}

export interface CommentRecord {
  readonly id: string;
  readonly taskId: string;
  readonly instanceId: string;
  readonly unitPath: string;
  readonly author: string;
  readonly text: string;
  readonly at: number;
}

export interface AttachmentRecord {
  readonly id: string;
  readonly taskId: string;
  readonly instanceId: string;
  readonly unitPath: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly at: number;
}

/**
 * A login: the refresh token that keeps it going (only its SHA-256 is kept) and whether it was
 * ended. Access tokens name their session, so a logout is seen by every server process at once.
 */
export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  /** SHA-256 (hex) of the current refresh token's secret; replaced at each rotation. */
  readonly tokenHash: string;
  readonly createdAt: number;
  /** The refresh token is refused from this moment; each rotation moves it on. */
  readonly expiresAt: number;
  /** Set by logout, or when a refresh token is used twice (it was copied). */
  readonly revokedAt?: number;
}

/** A post on a unit's public board, made by a process step (PostNotice), shown from postedAt until `until`. */
export interface NoticeRecord {
  /** A generated id: the public board shows it, so it tells nothing of the instance. */
  readonly id: string;
  readonly instanceId: string;
  readonly unitPath: string;
  readonly elementId: string;
  readonly title: string;
  readonly body?: string;
  /** Which board of the unit, when it has several (村务公开, 党务公开); absent for the main one. */
  readonly board?: string;
  /** Attachments (photos, the signed resolution) shown with it, by id: public while it is posted. */
  readonly attachments?: readonly string[];
  readonly postedAt: number;
  readonly until: number;
}

/**
 * A register a unit keeps (台账: rental houses, tenants, covenant clauses, restrictions, pairings),
 * declared by the procedure that writes it. Its entries are the data of one form, keyed by one of
 * that form's fields; procedures read and write them, staff keep them by hand.
 */
export interface RegisterRecord {
  readonly unitPath: string;
  /** kebab-case, unique within the unit, e.g. rental-houses. */
  readonly id: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  /** The form of an entry: the newest version of this key deployed at the unit validates it. */
  readonly formKey: string;
  /** The form field whose value keys an entry (a house number, a clause number, an identity number). */
  readonly keyField: string;
  /** The procedure (definition key) that declared it: the adoption of a template, or a deployment. */
  readonly declaredBy: string;
  readonly declaredAt: number;
}

/** One revision of a register entry. The newest is the entry; the older ones are its history. */
export interface RegisterEntryRecord {
  readonly unitPath: string;
  readonly register: string;
  readonly key: string;
  /** 1 for the first; each write adds one. */
  readonly revision: number;
  readonly data: Readonly<Record<string, unknown>>;
  /** Taken off the register (a clause deleted, a house demolished); the history stays. */
  readonly retired?: boolean;
  readonly at: number;
  /** A user id, or `system:...` for a procedure's step. */
  readonly by: string;
  /** The procedure instance that wrote it, when a step did. */
  readonly instanceId?: string;
  readonly note?: string;
}

/** A write of one entry: the store gives it the next revision. */
export type RegisterWrite = Omit<RegisterEntryRecord, 'revision'>;

/** A villager's objection to a notice on a public board (异议), filed without login. */
export interface ObjectionRecord {
  readonly id: string;
  readonly noticeId: string;
  readonly instanceId: string;
  readonly unitPath: string;
  readonly content: string;
  readonly name?: string;
  readonly phone?: string;
  readonly receivedAt: number;
}

/**
 * Why someone is told: a task offered to them, a copy (抄送), an urging (催办), a task due soon
 * or overdue, a task returned to them or withdrawn, a task delegated to them. New kinds may come.
 */
export const NOTIFICATION_KINDS = [
  'task',
  'cc',
  'urged',
  'due-soon',
  'overdue',
  'returned',
  'withdrawn',
  'delegated',
  'objection',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One line in a user's in-app inbox of notifications; the server composes its zh-CN title. */
export interface NotificationRecord {
  readonly id: string;
  readonly userId: string;
  readonly kind: NotificationKind;
  /** The unit of what it is about (the instance's unit): its webhooks are at this unit or above it. */
  readonly unitPath: string;
  readonly instanceId?: string;
  readonly taskId?: string;
  readonly title: string;
  readonly body?: string;
  /** The user whose act it is (who copied or urged), when a person sent it rather than the procedure. */
  readonly from?: string;
  readonly createdAt: number;
  /** Set once, when the user reads it. */
  readonly readAt?: number;
}

/**
 * A town's (or district's) gateway for its notifications: each notification of its unit and the
 * units below is POSTed there, signed with `secret` (the server's webhook delivery says how).
 */
export interface WebhookRecord {
  readonly id: string;
  readonly unitPath: string;
  /** The gateway, http or https; a town's gateway often sits on its own network. */
  readonly url: string;
  /** The HMAC key; kept to sign, never shown again after the webhook is created. */
  readonly secret: string;
  /** Only these kinds are sent; absent: every kind. */
  readonly kinds?: readonly NotificationKind[];
  readonly enabled: boolean;
  readonly createdAt: number;
  readonly createdBy: string;
}

/**
 * A unit's working days for one year (the engine's CalendarYear): its holidays and the weekend
 * days worked in exchange. It holds for the unit and every unit below that has none of its own
 * for the year; one year of one unit is kept once, a new one replacing it.
 */
export interface CalendarRecord extends CalendarYear {
  readonly unitPath: string;
  /** The year's arrangement is not yet published: the dates are a guess to be replaced. */
  readonly provisional?: boolean;
  /** Where the dates come from (the notice), or why they differ from it. */
  readonly note?: string;
  readonly updatedAt: number;
  /** A user id, or `system:…` for the calendar the server bundles. */
  readonly updatedBy: string;
}

/**
 * 委托: while a user is away, from `from` until `until` (ms), new tasks assigned to them go to
 * their deputy instead, only those of one procedure when `definitionKey` is set. Ending it early
 * sets `endedAt`; the record stays, so the user's list still shows it.
 */
export interface DelegationRecord {
  readonly id: string;
  /** Who is away. */
  readonly userId: string;
  readonly deputyId: string;
  readonly from: number;
  readonly until: number;
  readonly definitionKey?: string;
  readonly reason?: string;
  readonly createdAt: number;
  /** The user themselves, or the admin who set it for them. */
  readonly createdBy: string;
  readonly endedAt?: number;
}
