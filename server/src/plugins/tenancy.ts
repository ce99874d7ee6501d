import type { Role, RoleGrant } from '@shanzhi/store';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.ts';
import { isWithin, minimalCover } from '../units.ts';

/** Who is asking: the user, their grants, and what those reach. */
export interface Principal {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly grants: readonly RoleGrant[];
  /** The units the user's roles reach (each with everything below it), minimal. */
  readonly reach: readonly string[];
  /** Candidate-group names the user belongs to (runtime/assignment.ts). */
  readonly groups: readonly string[];
}

const ALL: readonly Role[] = ['town-admin', 'designer', 'village-admin', 'clerk', 'approver', 'member', 'grid-worker', 'auditor'];

/**
 * What each role may do at the units it reaches. Anything not listed is denied. Seeing a record
 * needs any role reaching its unit; a record out of reach answers 404, as if it did not exist.
 */
const PERMISSIONS = {
  'org:read': ALL,
  'org:admin': ['town-admin'],
  /** A village admin keeps the accounts of the village's own staff (routes/org STAFF_ROLES); a town admin any account. */
  'org:staff': ['town-admin', 'village-admin'],
  'definition:read': ALL,
  'definition:deploy': ['town-admin', 'designer', 'village-admin'],
  'instance:read': ALL,
  'instance:start': ['town-admin', 'village-admin', 'clerk', 'approver', 'grid-worker'],
  'instance:cancel': ['town-admin', 'village-admin'],
  'incident:resolve': ['town-admin', 'village-admin'],
  'task:assign': ['town-admin', 'village-admin'],
  'message:send': ['town-admin', 'village-admin', 'clerk', 'approver', 'grid-worker'],
  'signal:send': ['town-admin', 'village-admin'],
  'job:work': ['town-admin'],
  'audit:verify': ['auditor', 'town-admin'],
  'calendar:edit': ['town-admin'],
  'webhook:admin': ['town-admin'],
  'template:publish': ['town-admin', 'designer'],
  'template:adopt': ['town-admin', 'village-admin'],
  'register:read': ALL,
  /** Keeping a register by hand needs its identity and phone numbers whole: the village staff who keep it. */
  'register:write': ['village-admin', 'clerk', 'grid-worker'],
  'personal:read': ['village-admin', 'clerk', 'grid-worker'],
  /** The dashboards: those who oversee a unit's work, its admins, its auditors and who design its procedures. */
  'stats:read': ['town-admin', 'village-admin', 'auditor', 'designer'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function canSee(p: Principal, unitPath: string): boolean {
  return p.reach.some((u) => isWithin(unitPath, u));
}

export function can(p: Principal, action: Action, unitPath: string): boolean {
  const roles: readonly Role[] = PERMISSIONS[action];
  return p.grants.some((g) => roles.includes(g.role) && isWithin(unitPath, g.unitPath));
}

/** The units where the user may do `action`, minimal. */
export function reachFor(p: Principal, action: Action): string[] {
  const roles: readonly Role[] = PERMISSIONS[action];
  return minimalCover(p.grants.filter((g) => roles.includes(g.role)).map((g) => g.unitPath));
}

/**
 * Definitions are seen in reach and also above it: a village runs the town's definitions, so its
 * users read their XML (diagram highlighting) though the town's own records stay out of reach.
 */
export function canSeeDefinition(p: Principal, unitPath: string): boolean {
  return canSee(p, unitPath) || p.reach.some((u) => isWithin(u, unitPath));
}

/** What a record out of reach is called in the 404 (SZ_NOT_FOUND's variants); by default just a record. */
export type RecordKind = 'instance' | 'task' | 'unit' | 'webhook' | 'register';

/** 404 when out of reach, so records of other units stay unknown. */
export function assertSee(p: Principal, unitPath: string, what?: RecordKind): void {
  if (!canSee(p, unitPath)) throw new ApiError(what === undefined ? 'SZ_NOT_FOUND' : `SZ_NOT_FOUND/${what}`);
}

/** 404 when out of reach, 403 when in reach without a role that allows the action. */
export function assertCan(p: Principal, action: Action, unitPath: string, what?: RecordKind): void {
  assertSee(p, unitPath, what);
  if (!can(p, action, unitPath)) throw new ApiError('SZ_FORBIDDEN', { unit: unitPath, action });
}

/** A role anywhere that allows the action (for actions not tied to one record). */
export function assertCanSomewhere(p: Principal, action: Action): string[] {
  const reach = reachFor(p, action);
  if (reach.length === 0) throw new ApiError('SZ_FORBIDDEN/anywhere', { action });
  return reach;
}

export function principal(request: FastifyRequest): Principal {
  if (!request.principal) throw new ApiError('SZ_UNAUTHENTICATED');
  return request.principal;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth plugin on every non-public route. */
    principal: Principal | null;
  }
}

const tenancyPlugin: FastifyPluginAsync = async (app) => {
  app.decorateRequest('principal', null);
};

export default fp(tenancyPlugin, { fastify: '5.x', name: 'shanzhi-tenancy' });
