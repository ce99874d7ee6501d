import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AdoptionRecord } from '@shanzhi/store';
import type { Overlay } from '@shanzhi/template-kit';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { languageOf } from '../../errors/language.ts';
import { ApiError } from '../../errors.ts';
import { assertCan, assertSee, principal } from '../../plugins/tenancy.ts';
import { type PairedVillage, type PlannedPair, planPairs } from '../../runtime/pairing/plan.ts';
import { errors } from '../common.ts';
import { PairingsQuery, PlanAnswer, PlanBody, VillagePairs } from './schemas.ts';

/** The template whose villages' pairs these are. */
const PAIRING = 'pairing-schedule';

type Pair = PlannedPair['pair'];

const pairsOf = (a: AdoptionRecord): Pair[] => ((a.overlay as Overlay).parameters?.pairs as Pair[] | undefined) ?? [];

/**
 * 结对名册 and 结对安排: the pairs every village of a town keeps in its adoption of the
 * pairing-schedule template, read together; and a plan that pairs each village with a town branch
 * and member within the town's limits, previewed and then applied as each village's new pairs (a
 * customisation: running sessions keep their version, the next Tuesday takes the new pair).
 */
const pairingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/pairings',
    {
      schema: {
        tags: ['templates'],
        summary: 'The pairing register: each village’s pairs under a unit (its adoption of pairing-schedule)',
        querystring: PairingsQuery,
        response: { 200: Type.Object({ items: Type.Array(VillagePairs) }), ...errors(401, 404) },
      },
    },
    async (request) => {
      assertSee(principal(request), request.query.unit, 'unit');
      const adoptions = await villagesOf(app, request.query.unit);
      return {
        items: await Promise.all(
          adoptions.map(async (a) => ({
            unitPath: a.unitPath,
            name: await unitName(app, a.unitPath),
            adoptionId: a.id,
            revision: a.revision,
            pairs: pairsOf(a).map(copied),
          })),
        ),
      };
    },
  );

  app.post(
    '/pairings/plan',
    {
      schema: {
        tags: ['templates'],
        summary: 'Pair each village under a town with a town branch and member within the town’s limits; apply: true sets them',
        body: PlanBody,
        response: { 200: PlanAnswer, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const { unit, branches, villagesPerBranch, villagesPerMember, apply, note } = request.body;
      assertCan(p, 'template:publish', unit, 'unit');
      const adoptions = await villagesOf(app, unit);
      const villages: PairedVillage[] = await Promise.all(
        adoptions.map(async (a) => {
          const name = await unitName(app, a.unitPath);
          const kept = pairsOf(a)[0];
          return {
            unitPath: a.unitPath,
            name,
            villageBranch: kept?.villageBranch ?? `${name}党支部`,
            place: kept?.place ?? `${name}党群服务中心`,
            ...(kept?.villageMembers ? { villageMembers: kept.villageMembers } : {}),
          };
        }),
      );
      const plan = planPairs(branches, villages, { villagesPerBranch, villagesPerMember });
      if (!plan.ok) {
        throw new ApiError(plan.problem === 'no-branches' ? 'SZ_PAIRING_INFEASIBLE/branches' : 'SZ_PAIRING_INFEASIBLE', {
          villages: plan.villages,
          places: plan.places,
        });
      }
      if (apply) {
        const lang = languageOf(request.headers['accept-language']);
        for (const adoption of adoptions) {
          const pair = plan.pairs.find((x) => x.unitPath === adoption.unitPath)?.pair;
          const overlay = adoption.overlay as Overlay;
          await app.runtime.templates.customise({
            adoption,
            revision: adoption.revision,
            overlay: { ...overlay, parameters: { ...overlay.parameters, pairs: [pair] } },
            by: p.id,
            lang,
            note: note ?? '按镇结对安排调整结对',
          });
        }
      }
      const named = new Map(villages.map((v) => [v.unitPath, v.name]));
      return {
        pairs: plan.pairs.map((x) => ({ unitPath: x.unitPath, name: named.get(x.unitPath) ?? x.unitPath, pair: copied(x.pair) })),
        applied: apply ?? false,
      };
    },
  );
};

/** A pair as the answer carries it (its lists its own). */
const copied = ({ villageMembers, ...pair }: Pair) => ({ ...pair, ...(villageMembers ? { villageMembers: [...villageMembers] } : {}) });

/** The adoptions of the pairing template at the unit and below it, in unit order. */
async function villagesOf(app: FastifyInstance, unit: string): Promise<AdoptionRecord[]> {
  return (await app.store.adoptions.within([unit])).filter((a) => a.templateId === PAIRING);
}

async function unitName(app: FastifyInstance, path: string): Promise<string> {
  return (await app.store.units.byPath(path))?.name ?? path;
}

export default pairingRoutes;
