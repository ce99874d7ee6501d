import type { Commit } from './port.ts';
import { assertUnitPath } from './reach.ts';
import {
  type AdoptionRecord,
  type NotificationRecord,
  type PublicationRecord,
  type RegisterRecord,
  type RegisterWrite,
  ROLES,
  type RoleGrant,
  type TemplateVersionRecord,
  type WebhookRecord,
} from './records.ts';
import { isSemver } from './semver.ts';

/** Input checks both adapters make before writing, so bad input is refused and never half-stored. */

export function checkGrant(grant: RoleGrant): void {
  if (!ROLES.includes(grant.role)) throw new Error(`unknown role "${grant.role}"; roles are ${ROLES.join(', ')}`);
  assertUnitPath(grant.unitPath);
}

export function checkNotification(notification: NotificationRecord): void {
  assertUnitPath(notification.unitPath);
}

export function checkWebhook(webhook: WebhookRecord): void {
  assertUnitPath(webhook.unitPath);
}

/**
 * A commit writes one instance: every task, job, subscription, notice and notification it touches must be that
 * instance's (jobs it finishes excepted: a timer start event's job belongs to its definition).
 */
export function checkCommit(commit: Commit): void {
  const { instance, expectedVersion } = commit;
  assertUnitPath(instance.unitPath);
  if (expectedVersion !== null && !(Number.isInteger(expectedVersion) && expectedVersion >= 1)) {
    throw new Error(`expectedVersion of instance ${instance.id} must be null (new) or the version read, not ${expectedVersion}`);
  }
  const foreign = [
    ...(commit.tasks?.upsert ?? []).map((task) => ['task', task.id, task.instanceId]),
    ...(commit.jobs?.add ?? []).map((job) => ['job', job.id, job.instanceId]),
    ...(commit.jobs?.remove ?? []).map((job) => ['job', job.ref, job.instanceId]),
    ...(commit.subscriptions?.add ?? []).map((sub) => ['subscription', sub.sub, sub.instanceId]),
    ...(commit.subscriptions?.remove ?? []).map((sub) => ['subscription', sub.sub, sub.instanceId]),
    ...(commit.notices?.add ?? []).map((notice) => ['notice', notice.id, notice.instanceId]),
    ...(commit.notifications?.add ?? []).map((n) => ['notification', n.id, n.instanceId ?? 'none']),
    ...(commit.registers?.put ?? []).map((w) => ['register entry', `${w.register}/${w.key}`, w.instanceId ?? 'none']),
  ].find(([, , instanceId]) => instanceId !== instance.id);
  if (foreign !== undefined) {
    const [what, id, instanceId] = foreign;
    throw new Error(`${what} ${id} belongs to instance ${instanceId}, not to instance ${instance.id} that this commit writes`);
  }
  for (const notification of commit.notifications?.add ?? []) checkNotification(notification);
  for (const write of commit.registers?.put ?? []) checkRegisterWrite(write);
}

export function checkTemplateVersion(record: TemplateVersionRecord): void {
  if (!isSemver(record.version)) throw new Error(`version "${record.version}" of template ${record.templateId} is not semver, e.g. 1.2.0`);
  const id = `${record.templateId}@${record.version}`;
  if (record.id !== id) throw new Error(`template version ${record.id} must have the id ${id}`);
}

export function checkPublication(publication: PublicationRecord): void {
  assertUnitPath(publication.unitPath);
  if (!isSemver(publication.version)) {
    throw new Error(
      `publication ${publication.id} names version "${publication.version}" of ${publication.templateId}, which is not semver`,
    );
  }
}

/** A save names the revision it read (null to create), and the adoption it saves is the next one. */
export function checkAdoption(adoption: AdoptionRecord, expectedRevision: number | null): void {
  assertUnitPath(adoption.unitPath);
  if (expectedRevision !== null && !(Number.isInteger(expectedRevision) && expectedRevision >= 1)) {
    throw new Error(`expectedRevision of adoption ${adoption.id} must be null (new) or the revision read, not ${expectedRevision}`);
  }
  const next = (expectedRevision ?? 0) + 1;
  if (adoption.revision !== next) {
    throw new Error(
      `adoption ${adoption.id} saved over revision ${expectedRevision ?? 'none'} must have revision ${next}, not ${adoption.revision}`,
    );
  }
}

const REGISTER_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Keys are what people type (a house number, a clause number): any text, bounded. */
const MAX_REGISTER_KEY = 200;

export function checkRegister(register: RegisterRecord): void {
  assertUnitPath(register.unitPath);
  if (!REGISTER_ID.test(register.id)) throw new Error(`register id "${register.id}" must be kebab-case, e.g. rental-houses`);
  if (register.keyField.length === 0) throw new Error(`register ${register.id} needs the form field that keys its entries`);
}

export function checkRegisterWrite(write: RegisterWrite): void {
  assertUnitPath(write.unitPath);
  if (!REGISTER_ID.test(write.register)) throw new Error(`register id "${write.register}" must be kebab-case, e.g. rental-houses`);
  if (write.key.length === 0 || write.key.length > MAX_REGISTER_KEY) {
    throw new Error(`an entry of register ${write.register} needs a key of 1 to ${MAX_REGISTER_KEY} characters`);
  }
  if (write.data === null || typeof write.data !== 'object' || Array.isArray(write.data)) {
    throw new Error(`entry ${write.key} of register ${write.register} must be an object`);
  }
}

/** A put names the revision it read: null for a new entry, else a revision number. */
export function checkExpectedRevision(what: string, expectedRevision: number | null | undefined): void {
  if (expectedRevision === undefined || expectedRevision === null) return;
  if (!(Number.isInteger(expectedRevision) && expectedRevision >= 1)) {
    throw new Error(`expectedRevision of ${what} must be null (new) or the revision read, not ${expectedRevision}`);
  }
}
