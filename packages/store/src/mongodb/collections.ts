import type { Collection, Db, Document, ObjectId } from 'mongodb';
import { GridFSBucket } from 'mongodb';
import type {
  AdoptionRecord,
  AttachmentRecord,
  CalendarRecord,
  CommentRecord,
  DefinitionRecord,
  DelegationRecord,
  EventRecord,
  FormRecord,
  InstanceJobRecord,
  InstanceRecord,
  JobKind,
  NoticeRecord,
  NotificationRecord,
  ObjectionRecord,
  OrgUnit,
  PublicationRecord,
  RegisterEntryRecord,
  RegisterRecord,
  RoleGrant,
  SessionRecord,
  SubscriptionRecord,
  TaskRecord,
  TemplateVersionRecord,
  User,
  WebhookRecord,
} from '../records.ts';

/**
 * The documents the adapter keeps: each record with its id as `_id`, plus the few fields the
 * named queries need that the record does not carry. Engine-owned JSON (state, events,
 * payloads) is typed as a plain Document here, so the driver's filter types stay shallow.
 */

type WithDocumentId<R extends { id: string }> = Omit<R, 'id'> & { _id: string };

export type UnitDoc = WithDocumentId<OrgUnit>;
export type UserDoc = WithDocumentId<User>;
export type GrantDoc = RoleGrant;
export type DefinitionDoc = WithDocumentId<DefinitionRecord>;

/** schema and uiSchema as JSON text (forms.ts says why). */
export type FormDoc = Omit<WithDocumentId<FormRecord>, 'schema' | 'uiSchema'> & { schema: string; uiSchema?: string };

/** chainSeq and chainHash: the head of the instance's event chain. */
export type InstanceDoc = Omit<WithDocumentId<InstanceRecord>, 'state'> & { state: Document; chainSeq: number; chainHash: string };

/** A (procedure, unit, business key) taken by one instance: its `_id` makes the key unique even when instances are sharded. */
export interface BusinessKeyDoc {
  _id: { definitionKey: string; unitPath: string; businessKey: string };
  instanceId: string;
}

/** principals, dueOrder and priorityOrder feed the inbox indexes; businessKey its text filter. */
export type TaskDoc = WithDocumentId<TaskRecord> & { businessKey?: string; principals: string[]; dueOrder: number; priorityOrder: number };

/**
 * Both kinds of job in one flat shape: instanceId (and incident) for an instance's job,
 * definitionId for a timer start event. lockedUntil is 0 while nobody holds the job, so "free
 * or expired" is one `$lt: now`.
 */
export type JobDoc = Omit<WithDocumentId<InstanceJobRecord>, 'kind' | 'instanceId' | 'payload' | 'lockedUntil'> & {
  kind: JobKind;
  instanceId?: string;
  definitionId?: string;
  payload: Document;
  lockedUntil: number;
};

/** `_id` is `${instanceId}#${seq}`; unitPath places events with their instance (README.md). */
export type EventDoc = Omit<EventRecord, 'event'> & { _id: string; unitPath: string; event: Document };

/** `_id` is `${instanceId}#${sub}`. */
export type SubscriptionDoc = SubscriptionRecord & { _id: string };

export type CommentDoc = WithDocumentId<CommentRecord>;

/** contentId: the GridFS file holding the content. */
export type AttachmentDoc = WithDocumentId<AttachmentRecord> & { contentId: ObjectId };

export type SessionDoc = WithDocumentId<SessionRecord>;

/** `_id` is `${year}@${unitPath}`: one calendar per unit and year. */
export type CalendarDoc = CalendarRecord & { _id: string };

export type NoticeDoc = WithDocumentId<NoticeRecord>;

export type ObjectionDoc = WithDocumentId<ObjectionRecord>;

export type DelegationDoc = WithDocumentId<DelegationRecord>;

/** unread: whether readAt is still unset, so the unread list and count are an equality in an index. */
export type NotificationDoc = WithDocumentId<NotificationRecord> & { unread: boolean };

export type WebhookDoc = WithDocumentId<WebhookRecord>;

/**
 * A template's package, a publication's bounds and defaults, an adoption's overlay and
 * deployments as JSON text, as forms' schemas are (forms.ts says why): they hold JSON Schema and
 * form fields, and nothing queries inside them.
 */
export type TemplateVersionDoc = Omit<WithDocumentId<TemplateVersionRecord>, 'package'> & { package: string };
export type PublicationDoc = Omit<WithDocumentId<PublicationRecord>, 'bounds' | 'defaults'> & { bounds: string; defaults: string };
/** `_id` is unit path + register id: unit paths end in `/` and ids hold none, so it is unique. */
export type RegisterDoc = RegisterRecord & { _id: string };
/** An entry's data is form data: JSON as text, since its field names are villages' and may hold `$` or `.`. */
export type RegisterEntryDoc = Omit<RegisterEntryRecord, 'data'> & { _id: string; data: string };
export type AdoptionDoc = Omit<WithDocumentId<AdoptionRecord>, 'overlay' | 'deployments'> & { overlay: string; deployments: string };

/** The TTL index on expiresAt (a Date) drops a window's count once the window has ended. */
export interface AttemptDoc {
  _id: string;
  count: number;
  expiresAt: Date;
}

/** version: the highest step applied; applied: every step applied (absent before steps were listed); name: the last one's. */
export interface SchemaVersionDoc {
  _id: 'store';
  version: number;
  applied?: number[];
  name: string;
  appliedAt: number;
}

export interface Collections {
  readonly units: Collection<UnitDoc>;
  readonly users: Collection<UserDoc>;
  readonly grants: Collection<GrantDoc>;
  readonly definitions: Collection<DefinitionDoc>;
  readonly forms: Collection<FormDoc>;
  readonly instances: Collection<InstanceDoc>;
  readonly businessKeys: Collection<BusinessKeyDoc>;
  readonly tasks: Collection<TaskDoc>;
  readonly jobs: Collection<JobDoc>;
  readonly events: Collection<EventDoc>;
  readonly subscriptions: Collection<SubscriptionDoc>;
  readonly comments: Collection<CommentDoc>;
  readonly attachments: Collection<AttachmentDoc>;
  readonly attachmentContent: GridFSBucket;
  readonly sessions: Collection<SessionDoc>;
  readonly calendars: Collection<CalendarDoc>;
  readonly delegations: Collection<DelegationDoc>;
  readonly notices: Collection<NoticeDoc>;
  readonly objections: Collection<ObjectionDoc>;
  readonly notifications: Collection<NotificationDoc>;
  readonly webhooks: Collection<WebhookDoc>;
  readonly templateVersions: Collection<TemplateVersionDoc>;
  readonly publications: Collection<PublicationDoc>;
  readonly adoptions: Collection<AdoptionDoc>;
  readonly attempts: Collection<AttemptDoc>;
  readonly registers: Collection<RegisterDoc>;
  readonly registerEntries: Collection<RegisterEntryDoc>;
  readonly registerRevisions: Collection<RegisterEntryDoc>;
  readonly schemaVersion: Collection<SchemaVersionDoc>;
}

export const COLLECTION_NAMES = [
  'units',
  'users',
  'grants',
  'definitions',
  'forms',
  'instances',
  'businessKeys',
  'tasks',
  'jobs',
  'events',
  'subscriptions',
  'comments',
  'attachments',
  'sessions',
  'notices',
  'objections',
  'notifications',
  'webhooks',
  'attempts',
  'calendars',
  'delegations',
  'templateVersions',
  'publications',
  'adoptions',
  'registers',
  'registerEntries',
  'registerRevisions',
] as const;

export function collectionsOf(db: Db): Collections {
  return {
    units: db.collection('units'),
    users: db.collection('users'),
    grants: db.collection('grants'),
    definitions: db.collection('definitions'),
    forms: db.collection('forms'),
    instances: db.collection('instances'),
    businessKeys: db.collection('businessKeys'),
    tasks: db.collection('tasks'),
    jobs: db.collection('jobs'),
    events: db.collection('events'),
    subscriptions: db.collection('subscriptions'),
    comments: db.collection('comments'),
    attachments: db.collection('attachments'),
    attachmentContent: new GridFSBucket(db, { bucketName: 'attachmentContent' }),
    sessions: db.collection('sessions'),
    notices: db.collection('notices'),
    objections: db.collection('objections'),
    notifications: db.collection('notifications'),
    webhooks: db.collection('webhooks'),
    attempts: db.collection('attempts'),
    calendars: db.collection('calendars'),
    delegations: db.collection('delegations'),
    templateVersions: db.collection('templateVersions'),
    publications: db.collection('publications'),
    adoptions: db.collection('adoptions'),
    registers: db.collection('registers'),
    registerEntries: db.collection('registerEntries'),
    registerRevisions: db.collection('registerRevisions'),
    schemaVersion: db.collection('schema_version'),
  };
}

/** A record from its document: `_id` back to `id`, and the adapter's own fields dropped. */
export function recordOf<R>(doc: Document, internal: readonly string[] = []): R {
  const { _id, ...rest } = doc;
  for (const field of internal) delete rest[field];
  return { id: _id, ...rest } as R;
}

export function documentOf<R extends { id: string }>(record: R): WithDocumentId<R> {
  const { id, ...rest } = record;
  return { _id: id, ...rest };
}
