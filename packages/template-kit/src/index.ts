/**
 * @shanzhi/template-kit: governance template packages (templates/), rendered with a town's
 * settings and a village's overlay into an ordinary deployment, compared across versions, and
 * carried over to a new version with the conflicts shown. Pure but for ./folder, which reads packages from disk.
 */

export { changesBetween, type FormChange, type ParameterChange, type StepChange, type TemplateChanges } from './changes.ts';
export { packageProblems } from './check.ts';
export { boundedParameters, parameterSchemas, resolveParameters, settingsProblems } from './parameters.ts';
export { applyFieldPatch, fieldsAdded } from './patches.ts';
export { type RenderedRegister, type Rendering, type RenderResult, render } from './render.ts';
export * from './types.ts';
export { type Conflict, type ConflictKind, type Decision, type DecisionAction, type UpgradeInput, upgradeOverlay } from './upgrade.ts';
