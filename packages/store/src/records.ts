import type { EngineEvent, InstanceState, Vars } from '@shanzhi/engine';

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
  readonly candidateUsers: readonly string[];
  readonly candidateGroups: readonly string[];
  readonly dueAt?: number;
  readonly followUpAt?: number;
  readonly priority: number;
  readonly formKey?: string;
  readonly createdAt: number;
  readonly endedAt?: number;
  readonly endedBy?: string;
  /** Bumped by every change, so claim/assign races are detected like instance commits. */
  readonly version: number;
}

/**
 * Work for the workers, written in the same transaction as the state that asked for it:
 * timers, external jobs (fetched by workers outside), and the outbox (commands for other
 * instances: messages, signals, call activities, their ends).
 */
export type JobKind = 'timer' | 'external' | 'outbox';

export interface JobRecord {
  readonly id: string;
  readonly kind: JobKind;
  /** External jobs: the job type workers subscribe to; outbox: the command name; timers: 'timer'. */
  readonly type: string;
  readonly instanceId: string;
  readonly unitPath: string;
  /** Timer subscription id or element instance key within the instance. */
  readonly ref: string;
  readonly dueAt: number;
  readonly retries: number;
  readonly payload: Vars;
  readonly lockedBy?: string;
  readonly lockedUntil?: number;
  readonly lastError?: string;
  readonly createdAt: number;
}

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
