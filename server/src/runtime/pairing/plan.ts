/** A town office's party branch and the members who go to the villages for it. */
export interface TownBranch {
  readonly branch: string;
  /** Usernames. */
  readonly members: readonly string[];
}

/** A village to pair: its unit, its name, and the branch and place of its sessions. */
export interface PairedVillage {
  readonly unitPath: string;
  readonly name: string;
  readonly villageBranch: string;
  readonly place: string;
  readonly villageMembers?: readonly string[];
}

/** The town's constraints on a plan (结对安排的约束). */
export interface PlanLimits {
  /** Villages one town branch takes at most. */
  readonly villagesPerBranch: number;
  /** Villages one town member goes to at most. */
  readonly villagesPerMember: number;
}

/** One village's pair, as the pairing-schedule template's `pairs` parameter holds it. */
export interface PlannedPair {
  readonly unitPath: string;
  readonly pair: {
    readonly name: string;
    readonly townBranch: string;
    readonly villageBranch: string;
    readonly townMember: string;
    readonly villageMembers?: readonly string[];
    readonly place: string;
  };
}

export type PlanResult =
  | { readonly ok: true; readonly pairs: readonly PlannedPair[] }
  | { readonly ok: false; readonly problem: 'no-branches' | 'too-few-places'; readonly villages: number; readonly places: number };

/**
 * Pairs each village with a town branch and one of its members (结对方案): the branch with the
 * fewest villages so far, then its member with the fewest, in the order given, within the limits.
 * The same lists give the same plan, so a town can review it, change a list and generate again.
 * A member listed under two branches counts once across them.
 */
export function planPairs(branches: readonly TownBranch[], villages: readonly PairedVillage[], limits: PlanLimits): PlanResult {
  const staffed = branches.filter((b) => b.members.length > 0);
  if (staffed.length === 0) return { ok: false, problem: 'no-branches', villages: villages.length, places: 0 };
  const members = new Set(staffed.flatMap((b) => b.members));
  const places = Math.min(staffed.length * limits.villagesPerBranch, members.size * limits.villagesPerMember);
  if (villages.length > places) return { ok: false, problem: 'too-few-places', villages: villages.length, places };

  const byBranch = new Map(staffed.map((b) => [b.branch, 0]));
  const byMember = new Map([...members].map((m) => [m, 0]));
  const fewest = <T>(items: readonly T[], count: (item: T) => number, room: (item: T) => boolean) =>
    items.filter(room).reduce<T | undefined>((best, item) => (best === undefined || count(item) < count(best) ? item : best), undefined);

  const pairs: PlannedPair[] = [];
  for (const village of villages) {
    const open = (b: TownBranch) =>
      (byBranch.get(b.branch) ?? 0) < limits.villagesPerBranch && b.members.some((m) => (byMember.get(m) ?? 0) < limits.villagesPerMember);
    const branch = fewest(staffed, (b) => byBranch.get(b.branch) ?? 0, open);
    if (!branch) return { ok: false, problem: 'too-few-places', villages: villages.length, places: pairs.length };
    const member = fewest(
      branch.members,
      (m) => byMember.get(m) ?? 0,
      (m) => (byMember.get(m) ?? 0) < limits.villagesPerMember,
    ) as string;
    byBranch.set(branch.branch, (byBranch.get(branch.branch) ?? 0) + 1);
    byMember.set(member, (byMember.get(member) ?? 0) + 1);
    pairs.push({
      unitPath: village.unitPath,
      pair: {
        name: `${branch.branch}—${village.villageBranch}`,
        townBranch: branch.branch,
        villageBranch: village.villageBranch,
        townMember: member,
        ...(village.villageMembers?.length ? { villageMembers: village.villageMembers } : {}),
        place: village.place,
      },
    });
  }
  return { ok: true, pairs };
}
