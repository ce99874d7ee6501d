import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AdoptionRecord, PublicationRecord, TemplateVersionRecord } from '@shanzhi/store';
import { boundedParameters, type Overlay, type TemplatePackage, type TownSettings } from '@shanzhi/template-kit';
import { Type } from '@sinclair/typebox';
import { languageOf } from '../../errors/language.ts';
import { ApiError } from '../../errors.ts';
import { assertCan, assertCanSomewhere, assertSee, canSee, principal } from '../../plugins/tenancy.ts';
import { errors, iso } from '../common.ts';
import {
  AdoptBody,
  Adoption,
  AdoptionsQuery,
  CustomiseBody,
  IdParams,
  PreviewBody,
  Publication,
  PublicationDetail,
  PublicationsQuery,
  PublishBody,
  Rendering,
  RollbackBody,
  TemplateDetail,
  TemplateSummary,
  TemplateVersionParams,
  UpgradeBody,
  UpgradePlan,
  UpgradePlanBody,
} from './schemas.ts';

const packageOf = (r: TemplateVersionRecord) => r.package as unknown as TemplatePackage;

function publicationView(p: PublicationRecord, pkg?: TemplatePackage, unitName?: string) {
  return {
    id: p.id,
    templateId: p.templateId,
    version: p.version,
    unitPath: p.unitPath,
    bounds: p.bounds,
    defaults: p.defaults,
    publishedAt: iso(p.publishedAt) as string,
    publishedBy: p.publishedBy,
    ...(p.note ? { note: p.note } : {}),
    ...(pkg ? { name: pkg.manifest.name, description: pkg.manifest.description } : {}),
    ...(unitName ? { unitName } : {}),
  };
}

/** A template as the library lists it, from its versions oldest first. */
function summaryOf(versions: readonly TemplateVersionRecord[]) {
  const { manifest } = packageOf(versions.at(-1) as TemplateVersionRecord);
  return {
    id: manifest.id,
    version: manifest.version,
    versions: versions.map((v) => v.version),
    name: manifest.name,
    description: manifest.description,
    category: manifest.category,
    roles: [...manifest.roles],
    sources: manifest.sources.map((s) => ({ ...s })),
  };
}

function adoptionView(a: AdoptionRecord) {
  const current = a.deployments.at(-1);
  return {
    id: a.id,
    templateId: a.templateId,
    unitPath: a.unitPath,
    revision: a.revision,
    publicationId: a.publicationId,
    version: current?.version ?? '',
    overlay: a.overlay,
    definitionId: current?.definitionId ?? '',
    deployments: a.deployments.map((d) => ({ ...d, deployedAt: iso(d.deployedAt) as string })),
    createdAt: iso(a.createdAt) as string,
    updatedAt: iso(a.updatedAt) as string,
    updatedBy: a.updatedBy,
  };
}

/**
 * The template library and its lifecycle: browse versions, a town publishes one with its bounds,
 * a unit previews and adopts it, customises its overlay, sees what a new version changes,
 * upgrades deciding each conflict, rolls back. Every change deploys a new definition version;
 * running instances keep theirs.
 */
const templateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const templates = app.runtime.templates;

  app.get(
    '/templates',
    {
      schema: {
        tags: ['templates'],
        summary: 'The template library: each template with its newest version and every version kept',
        response: { 200: Type.Object({ items: Type.Array(TemplateSummary) }), ...errors(401) },
      },
    },
    async (request) => {
      principal(request);
      const byId = new Map<string, TemplateVersionRecord[]>();
      for (const v of await app.store.templates.versions()) byId.set(v.templateId, [...(byId.get(v.templateId) ?? []), v]);
      return { items: [...byId.values()].map(summaryOf) };
    },
  );

  app.post(
    '/templates',
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['templates'],
        summary:
          'Add a template version to the library (a package as template-kit reads it); a version kept already must be the same package (409)',
        body: TemplateDetail,
        response: { 201: TemplateSummary, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      assertCanSomewhere(p, 'template:publish');
      const pkg = request.body as unknown as TemplatePackage;
      const lang = languageOf(request.headers['accept-language']);
      await templates.importLibrary([pkg], p.id, lang);
      return reply.status(201).send(summaryOf(await app.store.templates.versions(pkg.manifest.id)));
    },
  );

  app.get(
    '/templates/:id/versions/:version',
    {
      schema: {
        tags: ['templates'],
        summary: 'One template version: its manifest, model, forms and parameter schema',
        params: TemplateVersionParams,
        response: { 200: TemplateDetail, ...errors(401, 404) },
      },
    },
    async (request) => {
      principal(request);
      const pkg = await templates.package(request.params.id, request.params.version);
      return { ...pkg, manifest: pkg.manifest as unknown as Record<string, unknown>, forms: [...pkg.forms] };
    },
  );

  app.post(
    '/templates/:id/versions/:version/publications',
    {
      schema: {
        tags: ['templates'],
        summary: 'Publish a template version to the units below yours, with your bounds and defaults (400 SZ_TEMPLATE_INVALID names each)',
        params: TemplateVersionParams,
        body: PublishBody,
        response: { 201: Publication, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const b = request.body;
      assertCan(p, 'template:publish', b.unit, 'unit');
      const publication = await templates.publish({
        templateId: request.params.id,
        version: request.params.version,
        unitPath: b.unit,
        settings: { ...(b.bounds ? { bounds: b.bounds } : {}), ...(b.defaults ? { defaults: b.defaults } : {}) } as TownSettings,
        by: p.id,
        lang: languageOf(request.headers['accept-language']),
        ...(b.note ? { note: b.note } : {}),
      });
      request.log.info(
        { publicationId: publication.id, template: publication.templateId, version: publication.version },
        'template published',
      );
      return reply.status(201).send(publicationView(publication));
    },
  );

  app.get(
    '/template-publications',
    {
      schema: {
        tags: ['templates'],
        summary: 'Publications a unit may adopt (made at it or above it); without a unit, those made within your units',
        querystring: PublicationsQuery,
        response: { 200: Type.Object({ items: Type.Array(Publication) }), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const { unit, template } = request.query;
      if (unit) assertSee(p, unit, 'unit');
      const found = unit
        ? await app.store.templates.publicationsFor(unit, template)
        : await app.store.templates.publicationsWithin(p.reach);
      const items = [];
      for (const publication of found.filter((x) => template === undefined || x.templateId === template)) {
        // The town's name: a village's users do not reach the town, yet read who published to them.
        const town = await app.store.units.byPath(publication.unitPath);
        items.push(publicationView(publication, await templates.package(publication.templateId, publication.version), town?.name));
      }
      return { items };
    },
  );

  app.get(
    '/template-publications/:id',
    {
      schema: {
        tags: ['templates'],
        summary: 'A publication with its parameters under the town’s bounds, as the form a unit fills in to customise',
        params: IdParams,
        response: { 200: PublicationDetail, ...errors(401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const publication = await app.store.templates.publication(request.params.id);
      if (!publication || !(canSee(p, publication.unitPath) || p.reach.some((u) => u.startsWith(publication.unitPath)))) {
        throw new ApiError('SZ_NOT_FOUND/publication');
      }
      const pkg = await templates.package(publication.templateId, publication.version);
      const parameters = boundedParameters(pkg, { bounds: publication.bounds as TownSettings['bounds'], defaults: publication.defaults });
      return { ...publicationView(publication, pkg), parameters };
    },
  );

  app.post(
    '/adoptions/preview',
    {
      schema: {
        tags: ['templates'],
        summary: 'What adopting with this overlay would deploy, checked as a deployment is; nothing is stored',
        body: PreviewBody,
        response: { 200: Rendering, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const b = request.body;
      assertCan(p, 'template:adopt', b.unit, 'unit');
      const publication = await templates.publicationFor(b.publicationId, b.unit);
      const rendering = await templates.preview(publication, b.unit, b.overlay as Overlay, languageOf(request.headers['accept-language']));
      return { ...rendering, forms: [...rendering.forms] };
    },
  );

  app.post(
    '/adoptions',
    {
      schema: {
        tags: ['templates'],
        summary: 'Adopt a publication at a unit: the overlay is kept and the rendering deployed as the unit’s own definition',
        body: AdoptBody,
        response: { 201: Adoption, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      const b = request.body;
      assertCan(p, 'template:adopt', b.unit, 'unit');
      const publication = await templates.publicationFor(b.publicationId, b.unit);
      const adoption = await templates.adopt({
        publication,
        unitPath: b.unit,
        overlay: b.overlay as Overlay,
        by: p.id,
        lang: languageOf(request.headers['accept-language']),
        ...(b.note ? { note: b.note } : {}),
      });
      request.log.info({ adoptionId: adoption.id, template: adoption.templateId, unit: adoption.unitPath }, 'template adopted');
      return reply.status(201).send(adoptionView(adoption));
    },
  );

  app.get(
    '/adoptions',
    {
      schema: {
        tags: ['templates'],
        summary: 'Adoptions at a unit and the units below it (default: all within your units)',
        querystring: AdoptionsQuery,
        response: { 200: Type.Object({ items: Type.Array(Adoption) }), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const unit = request.query.unit;
      if (unit) assertSee(p, unit, 'unit');
      return { items: (await app.store.adoptions.within(unit ? [unit] : p.reach)).map(adoptionView) };
    },
  );

  app.get(
    '/adoptions/:id',
    {
      schema: {
        tags: ['templates'],
        summary: 'One adoption with every deployment it made',
        params: IdParams,
        response: { 200: Adoption, ...errors(401, 404) },
      },
    },
    async (request) => adoptionView(await adoptionInReach(request.params.id, principal(request))),
  );

  app.put(
    '/adoptions/:id',
    {
      schema: {
        tags: ['templates'],
        summary: 'Customise: a new overlay over the same publication, deployed as a new version (running instances keep theirs)',
        params: IdParams,
        body: CustomiseBody,
        response: { 200: Adoption, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const adoption = await adoptionToChange(request.params.id, p);
      const b = request.body;
      const next = await templates.customise({
        adoption,
        revision: b.revision,
        overlay: b.overlay as Overlay,
        by: p.id,
        lang: languageOf(request.headers['accept-language']),
        ...(b.note ? { note: b.note } : {}),
      });
      return adoptionView(next);
    },
  );

  app.post(
    '/adoptions/:id/upgrade-plan',
    {
      schema: {
        tags: ['templates'],
        summary: 'What upgrading to a publication changes (parameters, steps, forms) and the conflicts left after the decisions given',
        params: IdParams,
        body: UpgradePlanBody,
        response: { 200: UpgradePlan, ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const p = principal(request);
      const adoption = await adoptionInReach(request.params.id, p);
      const publication = await templates.publicationFor(request.body.publicationId, adoption.unitPath);
      const plan = await templates.upgradePlan(
        adoption,
        publication,
        request.body.decisions ?? {},
        languageOf(request.headers['accept-language']),
      );
      return plan as never;
    },
  );

  app.post(
    '/adoptions/:id/upgrade',
    {
      schema: {
        tags: ['templates'],
        summary: 'Upgrade to a publication: the overlay carried over, every conflict decided (409 SZ_TEMPLATE_CONFLICTS lists those left)',
        params: IdParams,
        body: UpgradeBody,
        response: { 200: Adoption, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const adoption = await adoptionToChange(request.params.id, p);
      const b = request.body;
      const publication = await templates.publicationFor(b.publicationId, adoption.unitPath);
      const next = await templates.upgrade({
        adoption,
        revision: b.revision,
        publication,
        decisions: b.decisions ?? {},
        by: p.id,
        lang: languageOf(request.headers['accept-language']),
        ...(b.note ? { note: b.note } : {}),
      });
      request.log.info({ adoptionId: next.id, version: publication.version }, 'adoption upgraded');
      return adoptionView(next);
    },
  );

  app.post(
    '/adoptions/:id/rollback',
    {
      schema: {
        tags: ['templates'],
        summary: 'Roll back to the deployment before the newest, deployed again as a new version',
        params: IdParams,
        body: RollbackBody,
        response: { 200: Adoption, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const p = principal(request);
      const adoption = await adoptionToChange(request.params.id, p);
      const b = request.body;
      const next = await templates.rollback({
        adoption,
        revision: b.revision,
        by: p.id,
        lang: languageOf(request.headers['accept-language']),
        ...(b.note ? { note: b.note } : {}),
      });
      return adoptionView(next);
    },
  );

  async function adoptionInReach(id: string, p: ReturnType<typeof principal>): Promise<AdoptionRecord> {
    const adoption = await app.store.adoptions.byId(id);
    if (!adoption || !canSee(p, adoption.unitPath)) throw new ApiError('SZ_NOT_FOUND/adoption');
    return adoption;
  }

  async function adoptionToChange(id: string, p: ReturnType<typeof principal>): Promise<AdoptionRecord> {
    const adoption = await adoptionInReach(id, p);
    assertCan(p, 'template:adopt', adoption.unitPath);
    return adoption;
  }
};

export default templateRoutes;
