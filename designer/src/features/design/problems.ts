import type { Modeler } from './modeler.ts';

/** A problem deploy found (the dry run's report, or a refused deploy's details), on the element it names if any. */
export interface DeployProblem {
  readonly rule: string;
  readonly message: string;
  readonly elementId?: string;
  readonly form?: string;
  readonly path?: string;
}

const OVERLAY = 'sz-problems';
const MARKER = 'sz-problem-element';

interface Canvas {
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
  scrollToElement(element: unknown): void;
}
interface Overlays {
  add(id: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): void;
  remove(filter: { type: string }): void;
}
interface Registry {
  get(id: string): unknown;
}

/** The problems' elements that the diagram draws (a problem may name an element without a shape, or none). */
function drawn(modeler: Modeler, problems: readonly DeployProblem[]): Map<string, string[]> {
  const registry = modeler.get<Registry>('elementRegistry');
  const byElement = new Map<string, string[]>();
  for (const p of problems)
    if (p.elementId && registry.get(p.elementId)) byElement.set(p.elementId, [...(byElement.get(p.elementId) ?? []), p.message]);
  return byElement;
}

/**
 * Marks each element a problem names in red, with a badge whose tooltip says what is wrong, and
 * answers how to take the marks off again.
 */
export function markProblems(modeler: Modeler, problems: readonly DeployProblem[]): () => void {
  const canvas = modeler.get<Canvas>('canvas');
  const overlays = modeler.get<Overlays>('overlays');
  const marked = drawn(modeler, problems);
  for (const [id, messages] of marked) {
    canvas.addMarker(id, MARKER);
    const badge = Object.assign(document.createElement('div'), { className: 'sz-problem-badge', textContent: String(messages.length) });
    badge.title = messages.join('\n');
    badge.dataset.testid = `problem-badge-${id}`;
    overlays.add(id, OVERLAY, { position: { top: -10, right: 10 }, html: badge });
  }
  return () => {
    overlays.remove({ type: OVERLAY });
    for (const id of marked.keys()) canvas.removeMarker(id, MARKER);
  };
}

/** Selects the element (its properties open in the panel) and brings it into view. */
export function focusElement(modeler: Modeler, id: string): void {
  const element = modeler.get<Registry>('elementRegistry').get(id);
  if (!element) return;
  modeler.get<{ select(element: unknown): void }>('selection').select(element);
  modeler.get<Canvas>('canvas').scrollToElement(element);
}
