import type { Lang } from '@shanzhi/forms';
import type { RoleGrant } from '@shanzhi/store';
import { ApiError } from '../../errors.ts';
import { can, type Principal } from '../../plugins/tenancy.ts';
import { isWithin } from '../../units.ts';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

type Rule = 'until-not-after-from' | 'until-beyond-a-year' | 'no-such-user' | 'deputy-self' | 'deputy-out-of-reach';

const MESSAGES: Record<Lang, Record<Rule, string>> = {
  'zh-CN': {
    'until-not-after-from': '结束时间应晚于开始时间',
    'until-beyond-a-year': '委托最长一年，结束时间不能晚于一年以后',
    'no-such-user': '找不到这个用户，或者账号已停用',
    'deputy-self': '不能委托给自己',
    'deputy-out-of-reach': '受托人在委托人所在的单位没有任何角色',
  },
  en: {
    'until-not-after-from': 'must be later than from',
    'until-beyond-a-year': 'must be within a year from now: a delegation lasts a year at most',
    'no-such-user': 'is no enabled user',
    'deputy-self': 'must be someone else than whoever is away',
    'deputy-out-of-reach': 'holds no role reaching the units of whoever is away',
  },
};

/** 400 SZ_DELEGATION_INVALID naming the field and the rule, in the request's language. */
export function refused(field: string, rule: Rule, lang: Lang): ApiError {
  const message = MESSAGES[lang][rule];
  return new ApiError('SZ_DELEGATION_INVALID', { field, problem: message }, [{ field, rule, message }]);
}

/** A delegation lasts from before its until, and at most a year from now. */
export function assertPeriod(from: number, until: number, now: number, lang: Lang): void {
  if (until <= from) throw refused('body.until', 'until-not-after-from', lang);
  if (until > now + YEAR_MS) throw refused('body.until', 'until-beyond-a-year', lang);
}

/** The deputy can be given the away user's tasks: a role of theirs reaches a unit of the away user (as assign asks of a task's unit). */
export function reachesUnitsOf(deputy: readonly RoleGrant[], away: readonly RoleGrant[]): boolean {
  return away.some((a) => deputy.some((d) => isWithin(a.unitPath, d.unitPath)));
}

/** A user's own delegations are theirs to set and end; an admin (task:assign) at one of the user's units may too. */
export function mayManage(p: Principal, userId: string, grants: readonly RoleGrant[]): boolean {
  return p.id === userId || grants.some((g) => can(p, 'task:assign', g.unitPath));
}
