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

/**
 * Rows as SQLite hands them back, and the mapping to and from records. Column names are the
 * record's fields in snake_case; absent optional fields are NULL and come back absent.
 */

type Row<Columns extends string> = Record<Columns, string | number | null>;

/** `{ key: value }` when the column is not NULL, `{}` otherwise: spread into a record. */
const present = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } =>
  (value === null ? {} : { [key]: value }) as { [P in K]?: V };

/** An optional JSON column: the value as JSON text, NULL when absent. */
const jsonOrNull = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const parsedOrNull = (text: string | number | null) => (text === null ? null : JSON.parse(text as string));

export const UNIT_COLUMNS = ['id', 'path', 'name', 'kind'] as const;
export type UnitRow = Row<(typeof UNIT_COLUMNS)[number]>;
export const unitRow = (unit: OrgUnit): UnitRow => ({ id: unit.id, path: unit.path, name: unit.name, kind: unit.kind });
export const toUnit = (row: UnitRow): OrgUnit => ({
  id: row.id as string,
  path: row.path as string,
  name: row.name as string,
  kind: row.kind as OrgUnit['kind'],
});

export const USER_COLUMNS = ['id', 'username', 'display_name', 'password_hash', 'disabled', 'created_at'] as const;
export type UserRow = Row<(typeof USER_COLUMNS)[number]>;
export const userRow = (user: User): UserRow => ({
  id: user.id,
  username: user.username,
  display_name: user.displayName,
  password_hash: user.passwordHash ?? null,
  disabled: user.disabled ? 1 : 0,
  created_at: user.createdAt,
});
export const toUser = (row: UserRow): User => ({
  id: row.id as string,
  username: row.username as string,
  displayName: row.display_name as string,
  ...present('passwordHash', row.password_hash as string | null),
  disabled: row.disabled === 1,
  createdAt: row.created_at as number,
});

export const DEFINITION_COLUMNS = [
  'id',
  'key',
  'version',
  'unit_path',
  'name',
  'xml',
  'deployed_at',
  'deployed_by',
  'forms',
  'variables',
  'note',
] as const;
export type DefinitionRow = Row<(typeof DEFINITION_COLUMNS)[number]>;
export const definitionRow = (def: DefinitionRecord): DefinitionRow => ({
  id: def.id,
  key: def.key,
  version: def.version,
  unit_path: def.unitPath,
  name: def.name ?? null,
  xml: def.xml,
  deployed_at: def.deployedAt,
  deployed_by: def.deployedBy,
  forms: jsonOrNull(def.forms),
  variables: jsonOrNull(def.variables),
  note: def.note ?? null,
});
export const toDefinition = (row: DefinitionRow): DefinitionRecord => ({
  id: row.id as string,
  key: row.key as string,
  version: row.version as number,
  unitPath: row.unit_path as string,
  ...present('name', row.name as string | null),
  xml: row.xml as string,
  deployedAt: row.deployed_at as number,
  deployedBy: row.deployed_by as string,
  ...present('forms', parsedOrNull(row.forms)),
  ...present('variables', parsedOrNull(row.variables)),
  ...present('note', row.note as string | null),
});

export const FORM_COLUMNS = ['id', 'key', 'version', 'unit_path', 'title', 'schema', 'ui_schema', 'deployed_at', 'deployed_by'] as const;
export type FormRow = Row<(typeof FORM_COLUMNS)[number]>;
export const formRow = (form: FormRecord): FormRow => ({
  id: form.id,
  key: form.key,
  version: form.version,
  unit_path: form.unitPath,
  title: form.title,
  schema: JSON.stringify(form.schema),
  ui_schema: jsonOrNull(form.uiSchema),
  deployed_at: form.deployedAt,
  deployed_by: form.deployedBy,
});
export const toForm = (row: FormRow): FormRecord => ({
  id: row.id as string,
  key: row.key as string,
  version: row.version as number,
  unitPath: row.unit_path as string,
  title: row.title as string,
  schema: JSON.parse(row.schema as string),
  ...present('uiSchema', parsedOrNull(row.ui_schema)),
  deployedAt: row.deployed_at as number,
  deployedBy: row.deployed_by as string,
});

export const INSTANCE_COLUMNS = [
  'id',
  'definition_id',
  'definition_key',
  'unit_path',
  'business_key',
  'status',
  'version',
  'state',
  'started_at',
  'started_by',
  'ended_at',
  'parent_id',
  'incidents',
  'chain_seq',
  'chain_hash',
] as const;
export type InstanceRow = Row<(typeof INSTANCE_COLUMNS)[number]>;
export const instanceRow = (instance: InstanceRecord, chain: { seq: number; hash: string }): InstanceRow => ({
  id: instance.id,
  definition_id: instance.definitionId,
  definition_key: instance.definitionKey,
  unit_path: instance.unitPath,
  business_key: instance.businessKey ?? null,
  status: instance.status,
  version: instance.version,
  state: JSON.stringify(instance.state),
  started_at: instance.startedAt,
  started_by: instance.startedBy,
  ended_at: instance.endedAt ?? null,
  parent_id: instance.parentId ?? null,
  incidents: instance.incidents,
  chain_seq: chain.seq,
  chain_hash: chain.hash,
});
export const toInstance = (row: InstanceRow): InstanceRecord => ({
  id: row.id as string,
  definitionId: row.definition_id as string,
  definitionKey: row.definition_key as string,
  unitPath: row.unit_path as string,
  ...present('businessKey', row.business_key as string | null),
  status: row.status as InstanceRecord['status'],
  version: row.version as number,
  state: JSON.parse(row.state as string),
  startedAt: row.started_at as number,
  startedBy: row.started_by as string,
  ...present('endedAt', row.ended_at as number | null),
  ...present('parentId', row.parent_id as string | null),
  incidents: row.incidents as number,
});

export const TASK_COLUMNS = [
  'id',
  'instance_id',
  'key',
  'element_id',
  'name',
  'definition_key',
  'unit_path',
  'business_key',
  'status',
  'assignee',
  'owner',
  'candidate_users',
  'candidate_groups',
  'due_at',
  'follow_up_at',
  'priority',
  'form_key',
  'created_at',
  'ended_at',
  'ended_by',
  'on_behalf_of',
  'version',
] as const;
export type TaskRow = Row<(typeof TASK_COLUMNS)[number]>;
export const taskRow = (task: TaskRecord, businessKey: string | undefined): TaskRow => ({
  id: task.id,
  instance_id: task.instanceId,
  key: task.key,
  element_id: task.elementId,
  name: task.name ?? null,
  definition_key: task.definitionKey,
  unit_path: task.unitPath,
  business_key: businessKey ?? null,
  status: task.status,
  assignee: task.assignee ?? null,
  owner: task.owner ?? null,
  candidate_users: JSON.stringify(task.candidateUsers),
  candidate_groups: JSON.stringify(task.candidateGroups),
  due_at: task.dueAt ?? null,
  follow_up_at: task.followUpAt ?? null,
  priority: task.priority,
  form_key: task.formKey ?? null,
  created_at: task.createdAt,
  ended_at: task.endedAt ?? null,
  ended_by: task.endedBy ?? null,
  on_behalf_of: task.onBehalfOf ?? null,
  version: task.version,
});
export const toTask = (row: TaskRow): TaskRecord => ({
  id: row.id as string,
  instanceId: row.instance_id as string,
  key: row.key as string,
  elementId: row.element_id as string,
  ...present('name', row.name as string | null),
  definitionKey: row.definition_key as string,
  unitPath: row.unit_path as string,
  status: row.status as TaskRecord['status'],
  ...present('assignee', row.assignee as string | null),
  ...present('owner', row.owner as string | null),
  candidateUsers: JSON.parse(row.candidate_users as string),
  candidateGroups: JSON.parse(row.candidate_groups as string),
  ...present('dueAt', row.due_at as number | null),
  ...present('followUpAt', row.follow_up_at as number | null),
  priority: row.priority as number,
  ...present('formKey', row.form_key as string | null),
  createdAt: row.created_at as number,
  ...present('endedAt', row.ended_at as number | null),
  ...present('endedBy', row.ended_by as string | null),
  ...present('onBehalfOf', row.on_behalf_of as string | null),
  version: row.version as number,
});

export const JOB_COLUMNS = [
  'id',
  'kind',
  'type',
  'instance_id',
  'definition_id',
  'unit_path',
  'ref',
  'due_at',
  'retries',
  'payload',
  'locked_by',
  'locked_until',
  'last_error',
  'incident',
  'created_at',
] as const;
export type JobRow = Row<(typeof JOB_COLUMNS)[number]>;
export const jobRow = (job: JobRecord): JobRow => ({
  id: job.id,
  kind: job.kind,
  type: job.type,
  instance_id: job.kind === 'startTimer' ? null : job.instanceId,
  definition_id: job.kind === 'startTimer' ? job.definitionId : null,
  unit_path: job.unitPath,
  ref: job.ref,
  due_at: job.dueAt,
  retries: job.retries,
  payload: JSON.stringify(job.payload),
  locked_by: job.lockedBy ?? null,
  locked_until: job.lockedUntil ?? null,
  last_error: job.lastError ?? null,
  incident: job.kind === 'startTimer' ? null : (job.incident ?? null),
  created_at: job.createdAt,
});
export const toJob = (row: JobRow): JobRecord => {
  const fields = {
    id: row.id as string,
    type: row.type as string,
    unitPath: row.unit_path as string,
    ref: row.ref as string,
    dueAt: row.due_at as number,
    retries: row.retries as number,
    payload: JSON.parse(row.payload as string),
    ...present('lockedBy', row.locked_by as string | null),
    ...present('lockedUntil', row.locked_until as number | null),
    ...present('lastError', row.last_error as string | null),
    createdAt: row.created_at as number,
  };
  if (row.kind === 'startTimer') return { ...fields, kind: 'startTimer', definitionId: row.definition_id as string };
  return {
    ...fields,
    kind: row.kind as InstanceJobRecord['kind'],
    instanceId: row.instance_id as string,
    ...present('incident', row.incident as string | null),
  };
};

export const EVENT_COLUMNS = ['instance_id', 'seq', 'event', 'actor', 'at', 'prev_hash', 'hash'] as const;
export type EventRow = Row<(typeof EVENT_COLUMNS)[number]>;
export const eventRow = (event: EventRecord): EventRow => ({
  instance_id: event.instanceId,
  seq: event.seq,
  event: JSON.stringify(event.event),
  actor: event.actor,
  at: event.at,
  prev_hash: event.prevHash,
  hash: event.hash,
});
export const toEvent = (row: EventRow): EventRecord => ({
  instanceId: row.instance_id as string,
  seq: row.seq as number,
  event: JSON.parse(row.event as string),
  actor: row.actor as string,
  at: row.at as number,
  prevHash: row.prev_hash as string,
  hash: row.hash as string,
});

export const SUBSCRIPTION_COLUMNS = ['instance_id', 'sub', 'kind', 'name', 'correlation_key', 'unit_path'] as const;
export type SubscriptionRow = Row<(typeof SUBSCRIPTION_COLUMNS)[number]>;
export const subscriptionRow = (sub: SubscriptionRecord): SubscriptionRow => ({
  instance_id: sub.instanceId,
  sub: sub.sub,
  kind: sub.kind,
  name: sub.name,
  correlation_key: sub.correlationKey ?? null,
  unit_path: sub.unitPath,
});
export const toSubscription = (row: SubscriptionRow): SubscriptionRecord => ({
  instanceId: row.instance_id as string,
  sub: row.sub as string,
  kind: row.kind as SubscriptionRecord['kind'],
  name: row.name as string,
  ...present('correlationKey', row.correlation_key as string | null),
  unitPath: row.unit_path as string,
});

export const COMMENT_COLUMNS = ['id', 'task_id', 'instance_id', 'unit_path', 'author', 'text', 'at'] as const;
export type CommentRow = Row<(typeof COMMENT_COLUMNS)[number]>;
export const commentRow = (comment: CommentRecord): CommentRow => ({
  id: comment.id,
  task_id: comment.taskId,
  instance_id: comment.instanceId,
  unit_path: comment.unitPath,
  author: comment.author,
  text: comment.text,
  at: comment.at,
});
export const toComment = (row: CommentRow): CommentRecord => ({
  id: row.id as string,
  taskId: row.task_id as string,
  instanceId: row.instance_id as string,
  unitPath: row.unit_path as string,
  author: row.author as string,
  text: row.text as string,
  at: row.at as number,
});

export const ATTACHMENT_COLUMNS = [
  'id',
  'task_id',
  'instance_id',
  'unit_path',
  'file_name',
  'content_type',
  'size',
  'sha256',
  'uploaded_by',
  'at',
] as const;
export type AttachmentRow = Row<(typeof ATTACHMENT_COLUMNS)[number]>;
export const attachmentRow = (meta: AttachmentRecord): AttachmentRow => ({
  id: meta.id,
  task_id: meta.taskId,
  instance_id: meta.instanceId,
  unit_path: meta.unitPath,
  file_name: meta.fileName,
  content_type: meta.contentType,
  size: meta.size,
  sha256: meta.sha256,
  uploaded_by: meta.uploadedBy,
  at: meta.at,
});
export const toAttachment = (row: AttachmentRow): AttachmentRecord => ({
  id: row.id as string,
  taskId: row.task_id as string,
  instanceId: row.instance_id as string,
  unitPath: row.unit_path as string,
  fileName: row.file_name as string,
  contentType: row.content_type as string,
  size: row.size as number,
  sha256: row.sha256 as string,
  uploadedBy: row.uploaded_by as string,
  at: row.at as number,
});

export const SESSION_COLUMNS = ['id', 'user_id', 'token_hash', 'created_at', 'expires_at', 'revoked_at'] as const;
export type SessionRow = Row<(typeof SESSION_COLUMNS)[number]>;
export const sessionRow = (session: SessionRecord): SessionRow => ({
  id: session.id,
  user_id: session.userId,
  token_hash: session.tokenHash,
  created_at: session.createdAt,
  expires_at: session.expiresAt,
  revoked_at: session.revokedAt ?? null,
});
export const toSession = (row: SessionRow): SessionRecord => ({
  id: row.id as string,
  userId: row.user_id as string,
  tokenHash: row.token_hash as string,
  createdAt: row.created_at as number,
  expiresAt: row.expires_at as number,
  ...present('revokedAt', row.revoked_at as number | null),
});

export const NOTICE_COLUMNS = [
  'id',
  'instance_id',
  'unit_path',
  'element_id',
  'title',
  'body',
  'board',
  'attachments',
  'posted_at',
  'until',
] as const;
export type NoticeRow = Row<(typeof NOTICE_COLUMNS)[number]>;
export const noticeRow = (notice: NoticeRecord): NoticeRow => ({
  id: notice.id,
  instance_id: notice.instanceId,
  unit_path: notice.unitPath,
  element_id: notice.elementId,
  title: notice.title,
  body: notice.body ?? null,
  board: notice.board ?? null,
  attachments: jsonOrNull(notice.attachments),
  posted_at: notice.postedAt,
  until: notice.until,
});
export const toNotice = (row: NoticeRow): NoticeRecord => ({
  id: row.id as string,
  instanceId: row.instance_id as string,
  unitPath: row.unit_path as string,
  elementId: row.element_id as string,
  title: row.title as string,
  ...present('body', row.body as string | null),
  ...present('board', row.board as string | null),
  ...present('attachments', parsedOrNull(row.attachments)),
  postedAt: row.posted_at as number,
  until: row.until as number,
});

export const OBJECTION_COLUMNS = ['id', 'notice_id', 'instance_id', 'unit_path', 'content', 'name', 'phone', 'received_at'] as const;
export type ObjectionRow = Row<(typeof OBJECTION_COLUMNS)[number]>;
export const objectionRow = (o: ObjectionRecord): ObjectionRow => ({
  id: o.id,
  notice_id: o.noticeId,
  instance_id: o.instanceId,
  unit_path: o.unitPath,
  content: o.content,
  name: o.name ?? null,
  phone: o.phone ?? null,
  received_at: o.receivedAt,
});
export const toObjection = (row: ObjectionRow): ObjectionRecord => ({
  id: row.id as string,
  noticeId: row.notice_id as string,
  instanceId: row.instance_id as string,
  unitPath: row.unit_path as string,
  content: row.content as string,
  ...present('name', row.name as string | null),
  ...present('phone', row.phone as string | null),
  receivedAt: row.received_at as number,
});

export const CALENDAR_COLUMNS = ['unit_path', 'year', 'holidays', 'workdays', 'provisional', 'note', 'updated_at', 'updated_by'] as const;
export type CalendarRow = Row<(typeof CALENDAR_COLUMNS)[number]>;
export const calendarRow = (calendar: CalendarRecord): CalendarRow => ({
  unit_path: calendar.unitPath,
  year: calendar.year,
  holidays: JSON.stringify(calendar.holidays),
  workdays: JSON.stringify(calendar.workdays),
  provisional: calendar.provisional === undefined ? null : Number(calendar.provisional),
  note: calendar.note ?? null,
  updated_at: calendar.updatedAt,
  updated_by: calendar.updatedBy,
});
export const toCalendar = (row: CalendarRow): CalendarRecord => ({
  unitPath: row.unit_path as string,
  year: row.year as number,
  holidays: JSON.parse(row.holidays as string),
  workdays: JSON.parse(row.workdays as string),
  ...(row.provisional === null ? {} : { provisional: row.provisional === 1 }),
  ...present('note', row.note as string | null),
  updatedAt: row.updated_at as number,
  updatedBy: row.updated_by as string,
});

export const NOTIFICATION_COLUMNS = [
  'id',
  'user_id',
  'kind',
  'unit_path',
  'instance_id',
  'task_id',
  'title',
  'body',
  'from_user',
  'created_at',
  'read_at',
] as const;
export type NotificationRow = Row<(typeof NOTIFICATION_COLUMNS)[number]>;
export const notificationRow = (n: NotificationRecord): NotificationRow => ({
  id: n.id,
  user_id: n.userId,
  kind: n.kind,
  unit_path: n.unitPath,
  instance_id: n.instanceId ?? null,
  task_id: n.taskId ?? null,
  title: n.title,
  body: n.body ?? null,
  from_user: n.from ?? null,
  created_at: n.createdAt,
  read_at: n.readAt ?? null,
});
export const toNotification = (row: NotificationRow): NotificationRecord => ({
  id: row.id as string,
  userId: row.user_id as string,
  kind: row.kind as NotificationRecord['kind'],
  unitPath: row.unit_path as string,
  ...present('instanceId', row.instance_id as string | null),
  ...present('taskId', row.task_id as string | null),
  title: row.title as string,
  ...present('body', row.body as string | null),
  ...present('from', row.from_user as string | null),
  createdAt: row.created_at as number,
  ...present('readAt', row.read_at as number | null),
});

export const WEBHOOK_COLUMNS = ['id', 'unit_path', 'url', 'secret', 'kinds', 'enabled', 'created_at', 'created_by'] as const;
export type WebhookRow = Row<(typeof WEBHOOK_COLUMNS)[number]>;
export const webhookRow = (w: WebhookRecord): WebhookRow => ({
  id: w.id,
  unit_path: w.unitPath,
  url: w.url,
  secret: w.secret,
  kinds: jsonOrNull(w.kinds),
  enabled: w.enabled ? 1 : 0,
  created_at: w.createdAt,
  created_by: w.createdBy,
});
export const toWebhook = (row: WebhookRow): WebhookRecord => ({
  id: row.id as string,
  unitPath: row.unit_path as string,
  url: row.url as string,
  secret: row.secret as string,
  ...present('kinds', parsedOrNull(row.kinds)),
  enabled: row.enabled === 1,
  createdAt: row.created_at as number,
  createdBy: row.created_by as string,
});

export const DELEGATION_COLUMNS = [
  'id',
  'user_id',
  'deputy_id',
  'from_at',
  'until_at',
  'definition_key',
  'reason',
  'created_at',
  'created_by',
  'ended_at',
] as const;
export type DelegationRow = Row<(typeof DELEGATION_COLUMNS)[number]>;
export const delegationRow = (d: DelegationRecord): DelegationRow => ({
  id: d.id,
  user_id: d.userId,
  deputy_id: d.deputyId,
  from_at: d.from,
  until_at: d.until,
  definition_key: d.definitionKey ?? null,
  reason: d.reason ?? null,
  created_at: d.createdAt,
  created_by: d.createdBy,
  ended_at: d.endedAt ?? null,
});
export const toDelegation = (row: DelegationRow): DelegationRecord => ({
  id: row.id as string,
  userId: row.user_id as string,
  deputyId: row.deputy_id as string,
  from: row.from_at as number,
  until: row.until_at as number,
  ...present('definitionKey', row.definition_key as string | null),
  ...present('reason', row.reason as string | null),
  createdAt: row.created_at as number,
  createdBy: row.created_by as string,
  ...present('endedAt', row.ended_at as number | null),
});

export const TEMPLATE_VERSION_COLUMNS = ['id', 'template_id', 'version', 'package', 'imported_at', 'imported_by'] as const;
export type TemplateVersionRow = Row<(typeof TEMPLATE_VERSION_COLUMNS)[number]>;
export const templateVersionRow = (t: TemplateVersionRecord): TemplateVersionRow => ({
  id: t.id,
  template_id: t.templateId,
  version: t.version,
  package: JSON.stringify(t.package),
  imported_at: t.importedAt,
  imported_by: t.importedBy,
});
export const toTemplateVersion = (row: TemplateVersionRow): TemplateVersionRecord => ({
  id: row.id as string,
  templateId: row.template_id as string,
  version: row.version as string,
  package: JSON.parse(row.package as string),
  importedAt: row.imported_at as number,
  importedBy: row.imported_by as string,
});

export const PUBLICATION_COLUMNS = [
  'id',
  'template_id',
  'version',
  'unit_path',
  'bounds',
  'defaults',
  'note',
  'published_at',
  'published_by',
] as const;
export type PublicationRow = Row<(typeof PUBLICATION_COLUMNS)[number]>;
export const publicationRow = (p: PublicationRecord): PublicationRow => ({
  id: p.id,
  template_id: p.templateId,
  version: p.version,
  unit_path: p.unitPath,
  bounds: JSON.stringify(p.bounds),
  defaults: JSON.stringify(p.defaults),
  note: p.note ?? null,
  published_at: p.publishedAt,
  published_by: p.publishedBy,
});
export const toPublication = (row: PublicationRow): PublicationRecord => ({
  id: row.id as string,
  templateId: row.template_id as string,
  version: row.version as string,
  unitPath: row.unit_path as string,
  bounds: JSON.parse(row.bounds as string),
  defaults: JSON.parse(row.defaults as string),
  ...present('note', row.note as string | null),
  publishedAt: row.published_at as number,
  publishedBy: row.published_by as string,
});

/** overlay and deployments (each with the overlay it was made from) are JSON text. */
export const ADOPTION_COLUMNS = [
  'id',
  'template_id',
  'unit_path',
  'revision',
  'publication_id',
  'overlay',
  'deployments',
  'created_at',
  'updated_at',
  'updated_by',
] as const;
export type AdoptionRow = Row<(typeof ADOPTION_COLUMNS)[number]>;
export const adoptionRow = (a: AdoptionRecord): AdoptionRow => ({
  id: a.id,
  template_id: a.templateId,
  unit_path: a.unitPath,
  revision: a.revision,
  publication_id: a.publicationId,
  overlay: JSON.stringify(a.overlay),
  deployments: JSON.stringify(a.deployments),
  created_at: a.createdAt,
  updated_at: a.updatedAt,
  updated_by: a.updatedBy,
});
export const toAdoption = (row: AdoptionRow): AdoptionRecord => ({
  id: row.id as string,
  templateId: row.template_id as string,
  unitPath: row.unit_path as string,
  revision: row.revision as number,
  publicationId: row.publication_id as string,
  overlay: JSON.parse(row.overlay as string),
  deployments: JSON.parse(row.deployments as string),
  createdAt: row.created_at as number,
  updatedAt: row.updated_at as number,
  updatedBy: row.updated_by as string,
});

export const REGISTER_COLUMNS = ['unit_path', 'id', 'name', 'form_key', 'key_field', 'declared_by', 'declared_at'] as const;
export type RegisterRow = Row<(typeof REGISTER_COLUMNS)[number]>;
export const registerRow = (r: RegisterRecord): RegisterRow => ({
  unit_path: r.unitPath,
  id: r.id,
  name: JSON.stringify(r.name),
  form_key: r.formKey,
  key_field: r.keyField,
  declared_by: r.declaredBy,
  declared_at: r.declaredAt,
});
export const toRegister = (row: RegisterRow): RegisterRecord => ({
  unitPath: row.unit_path as string,
  id: row.id as string,
  name: JSON.parse(row.name as string),
  formKey: row.form_key as string,
  keyField: row.key_field as string,
  declaredBy: row.declared_by as string,
  declaredAt: row.declared_at as number,
});

/** The columns of both register_entries (the newest revision) and register_revisions (all of them). */
export const REGISTER_ENTRY_COLUMNS = [
  'unit_path',
  'register',
  'key',
  'revision',
  'data',
  'retired',
  'at',
  'by',
  'instance_id',
  'note',
] as const;
export type RegisterEntryRow = Row<(typeof REGISTER_ENTRY_COLUMNS)[number]>;
export const registerEntryRow = (e: RegisterEntryRecord): RegisterEntryRow => ({
  unit_path: e.unitPath,
  register: e.register,
  key: e.key,
  revision: e.revision,
  data: JSON.stringify(e.data),
  retired: e.retired ? 1 : 0,
  at: e.at,
  by: e.by,
  instance_id: e.instanceId ?? null,
  note: e.note ?? null,
});
export const toRegisterEntry = (row: RegisterEntryRow): RegisterEntryRecord => ({
  unitPath: row.unit_path as string,
  register: row.register as string,
  key: row.key as string,
  revision: row.revision as number,
  data: JSON.parse(row.data as string),
  ...(row.retired === 1 ? { retired: true } : {}),
  at: row.at as number,
  by: row.by as string,
  ...present('instanceId', row.instance_id as string | null),
  ...present('note', row.note as string | null),
});
