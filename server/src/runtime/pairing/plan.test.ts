import { describe, expect, it } from 'vitest';
import { type PairedVillage, planPairs } from './plan.ts';

const village = (n: number): PairedVillage => ({
  unitPath: `/nanhai/lishui/v${n}/`,
  name: `村${n}`,
  villageBranch: `村${n}党支部`,
  place: `村${n}党群服务中心`,
});
const BRANCHES = [
  { branch: '党建办党支部', members: ['a', 'b'] },
  { branch: '农业农村办党支部', members: ['c'] },
];

describe('a pairing plan', () => {
  it('spreads the villages over the branches and their members, fewest first, the same lists giving the same plan', () => {
    const villages = [1, 2, 3, 4].map(village);
    const plan = planPairs(BRANCHES, villages, { villagesPerBranch: 2, villagesPerMember: 2 });
    expect(plan.ok && plan.pairs.map((p) => [p.pair.townBranch, p.pair.townMember])).toEqual([
      ['党建办党支部', 'a'],
      ['农业农村办党支部', 'c'],
      ['党建办党支部', 'b'],
      ['农业农村办党支部', 'c'],
    ]);
    expect(plan.ok && plan.pairs[0]?.pair).toEqual({
      name: '党建办党支部—村1党支部',
      townBranch: '党建办党支部',
      villageBranch: '村1党支部',
      townMember: 'a',
      place: '村1党群服务中心',
    });
    expect(planPairs(BRANCHES, villages, { villagesPerBranch: 2, villagesPerMember: 2 })).toEqual(plan);
  });

  it('says so when the branches and members cannot take every village within the town’s limits', () => {
    expect(planPairs(BRANCHES, [1, 2, 3].map(village), { villagesPerBranch: 1, villagesPerMember: 3 })).toEqual({
      ok: false,
      problem: 'too-few-places',
      villages: 3,
      places: 2,
    });
    // The branch has room but its only member does not.
    expect(planPairs(BRANCHES, [1, 2, 3, 4].map(village), { villagesPerBranch: 3, villagesPerMember: 1 })).toMatchObject({
      ok: false,
      problem: 'too-few-places',
    });
    expect(planPairs([{ branch: '空支部', members: [] }], [village(1)], { villagesPerBranch: 5, villagesPerMember: 5 })).toMatchObject({
      ok: false,
      problem: 'no-branches',
    });
  });
});
