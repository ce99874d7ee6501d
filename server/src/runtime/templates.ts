import type { Lang } from '@shanzhi/forms';
import {
  type AdoptionDeployment,
  type AdoptionRecord,
  type PublicationRecord,
  type Store,
  StoreConflict,
  StoreDuplicate,
  type TemplateVersionRecord,
} from '@shanzhi/store';
import {
  type Conflict,
  changesBetween,
  type Decision,
  type Overlay,
  packageProblems,
  type Rendering,
  render,
  settingsProblems,
  type TemplateChanges,
  type TemplatePackage,
  type TemplateProblem,
  type TownSettings,
  upgradeOverlay,
} from '@shanzhi/template-kit';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock, IdGenerator } from '../clock.ts';
import { ApiError } from '../errors.ts';
import type { Definitions } from './definitions.ts';
import { deployRefusal } from './deployRefusal.ts';
import type { Registers } from './registers/index.ts';

/** Who acts, when, in which language problems are worded. */
export interface Act {
  readonly by: string;
  readonly lang: Lang;
  readonly note?: string;
}

export interface Upgrade {
  readonly changes: TemplateChanges;
  readonly overlay: Overlay;
  readonly conflicts: readonly Conflict[];
}

const versionId = (templateId: string, version: string) => `${templateId}@${version}`;
const settingsOf = (p: PublicationRecord): TownSettings => ({ bounds: p.bounds as TownSettings['bounds'], defaults: p.defaults });

/**
 * The template lifecycle (DESIGN.md principle 7): the library's versions, a town's publication
 * with its bounds, a unit's adoption rendered and deployed as its own definition, customised,
 * upgraded with its conflicts decided, rolled back. Every deployment goes through the same
 * checks as a hand-made one; a refused rendering stores nothing.
 */
export class Templates {
  constructor(
    private readonly deps: {
      store: Store;
      definitions: Definitions;
      registers: Registers;
      clock: Clock;
      newId: IdGenerator;
      log: FastifyBaseLogger;
    },
  ) {}

  /**
   * Keeps each package that is a template. From the library folder (no `lang`) one that is not is
   * logged and left out; one sent in (`lang`) is refused with its problems.
   */
  async importLibrary(packages: readonly TemplatePackage[], by: string, lang?: Lang): Promise<TemplateVersionRecord[]> {
    const kept: TemplateVersionRecord[] = [];
    for (const pkg of packages) {
      const problems = packageProblems(pkg, lang ?? 'en');
      if (problems.length > 0 && lang) refuseProblems(problems);
      if (problems.length > 0) {
        this.deps.log.error({ template: pkg.manifest?.id, problems }, 'template package refused');
        continue;
      }
      const record: TemplateVersionRecord = {
        id: versionId(pkg.manifest.id, pkg.manifest.version),
        templateId: pkg.manifest.id,
        version: pkg.manifest.version,
        package: pkg as unknown as Record<string, unknown>,
        importedAt: this.deps.clock.now(),
        importedBy: by,
      };
      try {
        await this.deps.store.templates.putVersion(record);
      } catch (error) {
        // A shipped folder changed without a new version: the version villages adopted stays as it was.
        if (!(error instanceof StoreDuplicate)) throw error;
        if (lang) throw new ApiError('SZ_TEMPLATE_VERSION_EXISTS', { template: record.templateId, version: record.version });
        this.deps.log.error({ template: record.id }, 'template folder changed without a new version: the stored version is kept');
        continue;
      }
      kept.push(record);
    }
    return kept;
  }

  async package(templateId: string, version: string): Promise<TemplatePackage> {
    const record = await this.deps.store.templates.version(templateId, version);
    if (!record) throw new ApiError('SZ_NOT_FOUND/template');
    return record.package as unknown as TemplatePackage;
  }

  async publish(
    input: { templateId: string; version: string; unitPath: string; settings: TownSettings } & Act,
  ): Promise<PublicationRecord> {
    const pkg = await this.package(input.templateId, input.version);
    refuseProblems(settingsProblems(pkg, input.settings, input.lang));
    const publication: PublicationRecord = {
      id: this.deps.newId(),
      templateId: input.templateId,
      version: input.version,
      unitPath: input.unitPath,
      bounds: { ...input.settings.bounds },
      defaults: { ...input.settings.defaults },
      publishedAt: this.deps.clock.now(),
      publishedBy: input.by,
      ...(input.note ? { note: input.note } : {}),
    };
    await this.deps.store.templates.publish(publication);
    return publication;
  }

  /** A publication the unit may adopt: made at it or above it. */
  async publicationFor(id: string, unitPath: string): Promise<PublicationRecord> {
    const publication = await this.deps.store.templates.publication(id);
    if (!publication || !unitPath.startsWith(publication.unitPath)) throw new ApiError('SZ_NOT_FOUND/publication');
    return publication;
  }

  /** What adopting would deploy, checked as a deployment is, storing nothing. */
  async preview(publication: PublicationRecord, unitPath: string, overlay: Overlay, lang: Lang): Promise<Rendering> {
    const rendering = await this.rendered(publication, overlay, lang);
    const checked = await this.deps.definitions.check(this.deployment(rendering, unitPath, { by: 'preview', lang }));
    if (!checked.ok) throw deployRefusal(checked);
    return rendering;
  }

  async adopt(input: { publication: PublicationRecord; unitPath: string; overlay: Overlay } & Act): Promise<AdoptionRecord> {
    const { publication, unitPath } = input;
    const existing = await this.deps.store.adoptions.of(publication.templateId, unitPath);
    if (existing)
      throw new ApiError('SZ_ADOPTION_EXISTS', { unit: unitPath, template: publication.templateId }, { adoptionId: existing.id });
    const deployment = await this.deploy(publication, unitPath, input.overlay, input);
    const now = this.deps.clock.now();
    const adoption: AdoptionRecord = {
      id: this.deps.newId(),
      templateId: publication.templateId,
      unitPath,
      revision: 1,
      publicationId: publication.id,
      overlay: input.overlay as Record<string, unknown>,
      deployments: [deployment],
      createdAt: now,
      updatedAt: now,
      updatedBy: input.by,
    };
    await this.deps.store.adoptions.save(adoption, null);
    return adoption;
  }

  /** The unit changes its own settings over the publication it follows: a new version of its definition. */
  async customise(input: { adoption: AdoptionRecord; revision: number; overlay: Overlay } & Act): Promise<AdoptionRecord> {
    const publication = await this.publicationFor(input.adoption.publicationId, input.adoption.unitPath);
    return this.redeploy(input.adoption, input.revision, publication, input.overlay, input);
  }

  /** What upgrading to a publication changes, and what the unit must decide first. */
  async upgradePlan(
    adoption: AdoptionRecord,
    publication: PublicationRecord,
    decisions: Readonly<Record<string, Decision>>,
    lang: Lang,
  ): Promise<Upgrade> {
    const current = await this.deps.store.templates.publication(adoption.publicationId);
    const from = await this.package(adoption.templateId, current?.version ?? publication.version);
    const to = await this.package(publication.templateId, publication.version);
    const carried = upgradeOverlay({ overlay: adoption.overlay as Overlay, to, settings: settingsOf(publication), decisions, lang });
    return { changes: await changesBetween(from, to, lang), ...carried };
  }

  async upgrade(
    input: {
      adoption: AdoptionRecord;
      revision: number;
      publication: PublicationRecord;
      decisions: Readonly<Record<string, Decision>>;
    } & Act,
  ): Promise<AdoptionRecord> {
    const { adoption, publication } = input;
    if (publication.templateId !== adoption.templateId) throw new ApiError('SZ_NOT_FOUND/publication');
    const plan = await this.upgradePlan(adoption, publication, input.decisions, input.lang);
    const [first] = plan.conflicts;
    if (first) {
      throw new ApiError(
        'SZ_TEMPLATE_CONFLICTS',
        { version: publication.version, count: plan.conflicts.length, first: first.refused ?? first.message },
        { conflicts: plan.conflicts },
      );
    }
    return this.redeploy(adoption, input.revision, publication, plan.overlay, input);
  }

  /** Back to the deployment before the newest: rendered again from what it was made of, deployed as a new version. */
  async rollback(input: { adoption: AdoptionRecord; revision: number } & Act): Promise<AdoptionRecord> {
    const previous = input.adoption.deployments.at(-2);
    if (!previous) throw new ApiError('SZ_NOTHING_TO_ROLL_BACK');
    const publication = await this.deps.store.templates.publication(previous.publicationId);
    if (!publication) throw new ApiError('SZ_NOT_FOUND/publication');
    return this.redeploy(input.adoption, input.revision, publication, previous.overlay as Overlay, {
      ...input,
      note: input.note ?? `rollback to ${previous.definitionId}`,
    });
  }

  private async redeploy(
    adoption: AdoptionRecord,
    revision: number,
    publication: PublicationRecord,
    overlay: Overlay,
    act: Act,
  ): Promise<AdoptionRecord> {
    if (revision !== adoption.revision) throw new StoreConflict('adoption', adoption.id);
    const deployment = await this.deploy(publication, adoption.unitPath, overlay, act);
    const next: AdoptionRecord = {
      ...adoption,
      revision: revision + 1,
      publicationId: publication.id,
      overlay: overlay as Record<string, unknown>,
      deployments: [...adoption.deployments, deployment],
      updatedAt: deployment.deployedAt,
      updatedBy: act.by,
    };
    await this.deps.store.adoptions.save(next, revision);
    return next;
  }

  private async deploy(publication: PublicationRecord, unitPath: string, overlay: Overlay, act: Act): Promise<AdoptionDeployment> {
    const rendering = await this.rendered(publication, overlay, act.lang);
    const result = await this.deps.definitions.deploy(this.deployment(rendering, unitPath, act));
    if (!result.ok) throw deployRefusal(result);
    await this.deps.registers.declare(unitPath, rendering.registers, result.definition.key, result.definition.deployedAt);
    return {
      publicationId: publication.id,
      version: publication.version,
      overlay: overlay as Record<string, unknown>,
      definitionId: result.definition.id,
      deployedAt: result.definition.deployedAt,
      deployedBy: act.by,
      ...(act.note ? { note: act.note } : {}),
    };
  }

  private async rendered(publication: PublicationRecord, overlay: Overlay, lang: Lang): Promise<Rendering> {
    const pkg = await this.package(publication.templateId, publication.version);
    const result = render(pkg, settingsOf(publication), overlay, lang);
    if (!result.ok) refuseProblems(result.problems);
    return (result as { rendering: Rendering }).rendering;
  }

  private deployment(rendering: Rendering, unitPath: string, act: Act) {
    return {
      xml: rendering.xml,
      forms: rendering.forms.map((f) => ({
        key: f.key,
        title: f.title,
        schema: f.schema,
        ...(f.uiSchema ? { uiSchema: f.uiSchema } : {}),
      })),
      variables: rendering.variables,
      unitPath,
      deployedBy: act.by,
      now: this.deps.clock.now(),
      id: this.deps.newId(),
      lang: act.lang,
    };
  }
}

function refuseProblems(problems: readonly TemplateProblem[]): void {
  const [first] = problems;
  if (first) throw new ApiError('SZ_TEMPLATE_INVALID', { path: first.path, problem: first.message }, { problems });
}
