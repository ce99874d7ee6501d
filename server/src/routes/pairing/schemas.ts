import { Type } from '@sinclair/typebox';
import { UnitPath } from '../common.ts';

const Username = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$', minLength: 2, maxLength: 64 });

export const Pair = Type.Object({
  name: Type.String(),
  townBranch: Type.String(),
  villageBranch: Type.String(),
  townMember: Type.String({ description: 'Username' }),
  villageMembers: Type.Optional(Type.Array(Type.String())),
  place: Type.String(),
});

export const PairingsQuery = Type.Object({ unit: UnitPath }, { additionalProperties: false });

export const VillagePairs = Type.Object({
  unitPath: Type.String(),
  name: Type.String({ description: 'The village' }),
  adoptionId: Type.String(),
  revision: Type.Integer({ description: 'The adoption’s revision' }),
  pairs: Type.Array(Pair),
});

export const PlanBody = Type.Object(
  {
    unit: UnitPath,
    branches: Type.Array(
      Type.Object(
        {
          branch: Type.String({ minLength: 2, maxLength: 60, description: 'A town office’s party branch' }),
          members: Type.Array(Username, { maxItems: 200, description: 'The members who go to villages for it' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    villagesPerBranch: Type.Integer({ minimum: 1, maximum: 100, description: 'The town’s limit: villages one branch takes at most' }),
    villagesPerMember: Type.Integer({ minimum: 1, maximum: 20, description: 'The town’s limit: villages one member goes to at most' }),
    apply: Type.Optional(
      Type.Boolean({ default: false, description: 'Set each village’s pairs to its planned pair (a customisation of its adoption)' }),
    ),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const PlanAnswer = Type.Object({
  pairs: Type.Array(Type.Object({ unitPath: Type.String(), name: Type.String(), pair: Pair })),
  applied: Type.Boolean(),
});
