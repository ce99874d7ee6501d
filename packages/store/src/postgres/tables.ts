import type {
  AdoptionRecord,
  AttachmentRecord,
  CalendarRecord,
  CommentRecord,
  DefinitionRecord,
  DelegationRecord,
  EventRecord,
  FormRecord,
  InstanceRecord,
  JobRecord,
  NoticeRecord,
  NotificationRecord,
  ObjectionRecord,
  OrgUnit,
  PublicationRecord,
  RegisterEntryRecord,
  RegisterRecord,
  SessionRecord,
  SubscriptionRecord,
  TaskRecord,
  TemplateVersionRecord,
  User,
  WebhookRecord,
} from '../records.ts';
import type { Row } from './sql.ts';

/**
 * How each record is kept: its table and, column by column, the record field each holds.
 * PostgreSQL hands values back as records hold them (text; BIGINT as a number, see db.ts;
 * boolean; text[] as an array; json parsed), so a row and its record map onto each other by
 * these names alone: an absent optional field is NULL, and a json column is written as JSON text.
 */

/** Every field of any member of a union of records (JobRecord's instanceId and definitionId). */
type Field<R> = (R extends unknown ? keyof R : never) & string;
type Column<R> = Field<R> | { readonly json: Field<R> };

export interface Table<R> {
  readonly name: string;
  readonly columns: Readonly<Record<string, Column<R>>>;
}

const fieldOf = <R>(column: Column<R>): Field<R> => (typeof column === 'string' ? column : column.json);

/** The record as a row to insert, its columns in the table's order. */
export function rowOf<R>(table: Table<R>, record: R): Row {
  const fields = record as Readonly<Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(table.columns).map(([name, column]) => {
      const value = fields[fieldOf(column)];
      if (value === undefined) return [name, null];
      return [name, typeof column === 'string' ? value : JSON.stringify(value)];
    }),
  );
}

/** The record a row read back holds; columns of the row the table does not map (a copy kept for a query) are left out. */
export function recordOf<R>(table: Table<R>, row: Readonly<Record<string, unknown>>): R {
  const record: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(table.columns)) {
    const value = row[name];
    if (value !== null && value !== undefined) record[fieldOf(column)] = value;
  }
  return record as R;
}

export const UNITS: Table<OrgUnit> = { name: 'units', columns: { id: 'id', path: 'path', name: 'name', kind: 'kind' } };

export const USERS: Table<User> = {
  name: 'users',
  columns: {
    id: 'id',
    username: 'username',
    display_name: 'displayName',
    password_hash: 'passwordHash',
    disabled: 'disabled',
    created_at: 'createdAt',
  },
};

export const DEFINITIONS: Table<DefinitionRecord> = {
  name: 'definitions',
  columns: {
    id: 'id',
    key: 'key',
    version: 'version',
    unit_path: 'unitPath',
    name: 'name',
    xml: 'xml',
    deployed_at: 'deployedAt',
    deployed_by: 'deployedBy',
    forms: { json: 'forms' },
    variables: { json: 'variables' },
    note: 'note',
  },
};

export const FORMS: Table<FormRecord> = {
  name: 'forms',
  columns: {
    id: 'id',
    key: 'key',
    version: 'version',
    unit_path: 'unitPath',
    title: 'title',
    schema: { json: 'schema' },
    ui_schema: { json: 'uiSchema' },
    deployed_at: 'deployedAt',
    deployed_by: 'deployedBy',
  },
};

/** The instance row also keeps the head of its event chain (chain_seq, chain_hash), which commit.ts writes. */
export const INSTANCES: Table<InstanceRecord> = {
  name: 'instances',
  columns: {
    id: 'id',
    definition_id: 'definitionId',
    definition_key: 'definitionKey',
    unit_path: 'unitPath',
    business_key: 'businessKey',
    status: 'status',
    version: 'version',
    state: { json: 'state' },
    started_at: 'startedAt',
    started_by: 'startedBy',
    ended_at: 'endedAt',
    parent_id: 'parentId',
    incidents: 'incidents',
  },
};

/** A task row also keeps its instance's business key (business_key), for the inbox's text filter. */
export const TASKS: Table<TaskRecord> = {
  name: 'tasks',
  columns: {
    id: 'id',
    instance_id: 'instanceId',
    key: 'key',
    element_id: 'elementId',
    name: 'name',
    definition_key: 'definitionKey',
    unit_path: 'unitPath',
    status: 'status',
    assignee: 'assignee',
    owner: 'owner',
    candidate_users: 'candidateUsers',
    candidate_groups: 'candidateGroups',
    due_at: 'dueAt',
    follow_up_at: 'followUpAt',
    priority: 'priority',
    form_key: 'formKey',
    created_at: 'createdAt',
    ended_at: 'endedAt',
    ended_by: 'endedBy',
    on_behalf_of: 'onBehalfOf',
    version: 'version',
  },
};

/** A job belongs to an instance (instance_id, incident) or, a timer start event's, to a definition (definition_id). */
export const JOBS: Table<JobRecord> = {
  name: 'jobs',
  columns: {
    id: 'id',
    kind: 'kind',
    type: 'type',
    instance_id: 'instanceId',
    definition_id: 'definitionId',
    unit_path: 'unitPath',
    ref: 'ref',
    due_at: 'dueAt',
    retries: 'retries',
    payload: { json: 'payload' },
    locked_by: 'lockedBy',
    locked_until: 'lockedUntil',
    last_error: 'lastError',
    incident: 'incident',
    created_at: 'createdAt',
  },
};

export const EVENTS: Table<EventRecord> = {
  name: 'events',
  columns: {
    instance_id: 'instanceId',
    seq: 'seq',
    event: { json: 'event' },
    actor: 'actor',
    at: 'at',
    prev_hash: 'prevHash',
    hash: 'hash',
  },
};

export const SUBSCRIPTIONS: Table<SubscriptionRecord> = {
  name: 'subscriptions',
  columns: {
    instance_id: 'instanceId',
    sub: 'sub',
    kind: 'kind',
    name: 'name',
    correlation_key: 'correlationKey',
    unit_path: 'unitPath',
  },
};

export const COMMENTS: Table<CommentRecord> = {
  name: 'comments',
  columns: { id: 'id', task_id: 'taskId', instance_id: 'instanceId', unit_path: 'unitPath', author: 'author', text: 'text', at: 'at' },
};

/** The content is in attachment_contents (attachments.ts). */
export const ATTACHMENTS: Table<AttachmentRecord> = {
  name: 'attachments',
  columns: {
    id: 'id',
    task_id: 'taskId',
    instance_id: 'instanceId',
    unit_path: 'unitPath',
    file_name: 'fileName',
    content_type: 'contentType',
    size: 'size',
    sha256: 'sha256',
    uploaded_by: 'uploadedBy',
    at: 'at',
  },
};

export const SESSIONS: Table<SessionRecord> = {
  name: 'sessions',
  columns: {
    id: 'id',
    user_id: 'userId',
    token_hash: 'tokenHash',
    created_at: 'createdAt',
    expires_at: 'expiresAt',
    revoked_at: 'revokedAt',
  },
};

export const NOTICES: Table<NoticeRecord> = {
  name: 'notices',
  columns: {
    id: 'id',
    instance_id: 'instanceId',
    unit_path: 'unitPath',
    element_id: 'elementId',
    title: 'title',
    body: 'body',
    board: 'board',
    attachments: 'attachments',
    posted_at: 'postedAt',
    until: 'until',
  },
};

export const OBJECTIONS: Table<ObjectionRecord> = {
  name: 'objections',
  columns: {
    id: 'id',
    notice_id: 'noticeId',
    instance_id: 'instanceId',
    unit_path: 'unitPath',
    content: 'content',
    name: 'name',
    phone: 'phone',
    received_at: 'receivedAt',
  },
};

export const CALENDARS: Table<CalendarRecord> = {
  name: 'calendars',
  columns: {
    unit_path: 'unitPath',
    year: 'year',
    holidays: 'holidays',
    workdays: 'workdays',
    provisional: 'provisional',
    note: 'note',
    updated_at: 'updatedAt',
    updated_by: 'updatedBy',
  },
};

export const NOTIFICATIONS: Table<NotificationRecord> = {
  name: 'notifications',
  columns: {
    id: 'id',
    user_id: 'userId',
    kind: 'kind',
    unit_path: 'unitPath',
    instance_id: 'instanceId',
    task_id: 'taskId',
    title: 'title',
    body: 'body',
    from_user: 'from',
    created_at: 'createdAt',
    read_at: 'readAt',
  },
};

export const WEBHOOKS: Table<WebhookRecord> = {
  name: 'webhooks',
  columns: {
    id: 'id',
    unit_path: 'unitPath',
    url: 'url',
    secret: 'secret',
    kinds: 'kinds',
    enabled: 'enabled',
    created_at: 'createdAt',
    created_by: 'createdBy',
  },
};

/** from and until are SQL words, hence from_at and until_at. */
export const DELEGATIONS: Table<DelegationRecord> = {
  name: 'delegations',
  columns: {
    id: 'id',
    user_id: 'userId',
    deputy_id: 'deputyId',
    from_at: 'from',
    until_at: 'until',
    definition_key: 'definitionKey',
    reason: 'reason',
    created_at: 'createdAt',
    created_by: 'createdBy',
    ended_at: 'endedAt',
  },
};

export const TEMPLATE_VERSIONS: Table<TemplateVersionRecord> = {
  name: 'template_versions',
  columns: {
    id: 'id',
    template_id: 'templateId',
    version: 'version',
    package: { json: 'package' },
    imported_at: 'importedAt',
    imported_by: 'importedBy',
  },
};

export const PUBLICATIONS: Table<PublicationRecord> = {
  name: 'publications',
  columns: {
    id: 'id',
    template_id: 'templateId',
    version: 'version',
    unit_path: 'unitPath',
    bounds: { json: 'bounds' },
    defaults: { json: 'defaults' },
    note: 'note',
    published_at: 'publishedAt',
    published_by: 'publishedBy',
  },
};

export const ADOPTIONS: Table<AdoptionRecord> = {
  name: 'adoptions',
  columns: {
    id: 'id',
    template_id: 'templateId',
    unit_path: 'unitPath',
    revision: 'revision',
    publication_id: 'publicationId',
    overlay: { json: 'overlay' },
    deployments: { json: 'deployments' },
    created_at: 'createdAt',
    updated_at: 'updatedAt',
    updated_by: 'updatedBy',
  },
};

export const REGISTERS: Table<RegisterRecord> = {
  name: 'registers',
  columns: {
    unit_path: 'unitPath',
    id: 'id',
    name: { json: 'name' },
    form_key: 'formKey',
    key_field: 'keyField',
    declared_by: 'declaredBy',
    declared_at: 'declaredAt',
  },
};

const REGISTER_ENTRY_COLUMNS = {
  unit_path: 'unitPath',
  register: 'register',
  key: 'key',
  revision: 'revision',
  data: { json: 'data' },
  retired: 'retired',
  at: 'at',
  by: 'by',
  instance_id: 'instanceId',
  note: 'note',
} as const;

/** The newest revision of each entry; register_revisions keeps all of them, in the same columns. */
export const REGISTER_ENTRIES: Table<RegisterEntryRecord> = { name: 'register_entries', columns: REGISTER_ENTRY_COLUMNS };
export const REGISTER_REVISIONS: Table<RegisterEntryRecord> = { name: 'register_revisions', columns: REGISTER_ENTRY_COLUMNS };
