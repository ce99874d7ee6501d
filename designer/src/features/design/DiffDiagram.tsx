import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import './versions.css';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import type { ChangeKind } from './diff.ts';
import { moddleExtensions } from './moddle.ts';

interface Canvas {
  zoom(level: 'fit-viewport' | number, center?: 'auto'): void;
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
  scrollToElement(elementId: string, padding?: number): void;
}
interface ElementRegistry {
  get(id: string): unknown;
  getGraphics(id: string): SVGElement | undefined;
}
interface Selection {
  select(element: unknown): void;
}

/** The element a click in the change list asks for; `at` makes a second click on the same one count. */
export interface Focus {
  readonly id: string;
  readonly at: number;
}

const FOCUSED = 'sz-diff-focus';

/** Outline and fill per kind, as the legend shows them. */
export const PAINT: Record<ChangeKind, { stroke: string; fill: string }> = {
  added: { stroke: '#389e0d', fill: '#f6ffed' },
  removed: { stroke: '#cf1322', fill: '#fff1f0' },
  changed: { stroke: '#d48806', fill: '#fffbe6' },
  moved: { stroke: '#1677ff', fill: '#e6f4ff' },
};

/**
 * bpmn-js paints each element with inline styles, which a stylesheet cannot override without
 * !important: the marked element's outline (a shape's first visual, a connection's path) is repainted.
 */
function paint(gfx: SVGElement, kind: ChangeKind): void {
  // A connection's visual starts with the <defs> of its arrow head; its line comes after.
  const visual = gfx.querySelector('.djs-visual > :not(defs)');
  if (!(visual instanceof SVGElement)) return;
  visual.style.setProperty('stroke', PAINT[kind].stroke);
  visual.style.setProperty('stroke-width', '3px');
  if (kind === 'moved') visual.style.setProperty('stroke-dasharray', '6 3');
  if (!gfx.classList.contains('djs-connection')) visual.style.setProperty('fill', PAINT[kind].fill);
}

/** The zoom a focused element is shown at: its labels readable. */
const FOCUS_ZOOM = 1;

/**
 * One version's diagram, read-only, its changed elements marked by kind (versions.css). bpmn-js
 * loads with this screen's chunk only; its bpmn.io watermark stays, as its license asks.
 */
export function DiffDiagram({
  xml,
  marks,
  focus,
  label,
}: {
  xml: string;
  marks: readonly { readonly id: string; readonly kind: ChangeKind }[];
  focus: Focus | undefined;
  label: string;
}) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<{ get<T>(name: string): T; destroy(): void }>(undefined);
  const [failed, setFailed] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { default: NavigatedViewer } = await import('bpmn-js/lib/NavigatedViewer');
      if (cancelled || !host.current) return;
      const v = new NavigatedViewer({ container: host.current, moddleExtensions });
      viewer.current = v;
      try {
        await v.importXML(xml);
        const canvas = v.get<Canvas>('canvas');
        const registry = v.get<ElementRegistry>('elementRegistry');
        canvas.zoom('fit-viewport', 'auto');
        // An element without a shape (a process, a flow drawn nowhere) is listed, not marked.
        for (const { id, kind } of marks) {
          const gfx = registry.getGraphics(id);
          if (!gfx) continue;
          canvas.addMarker(id, `sz-diff-${kind}`);
          paint(gfx, kind);
        }
      } catch (e) {
        setFailed(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
      viewer.current?.destroy();
      viewer.current = undefined;
    };
  }, [xml, marks]);

  useEffect(() => {
    const v = viewer.current;
    if (!v || !focus) return;
    const canvas = v.get<Canvas>('canvas');
    const registry = v.get<ElementRegistry>('elementRegistry');
    const element = registry.get(focus.id);
    if (!element) return;
    canvas.zoom(FOCUS_ZOOM);
    canvas.scrollToElement(focus.id, 80);
    v.get<Selection>('selection').select(element);
    canvas.addMarker(focus.id, FOCUSED);
    return () => canvas.removeMarker(focus.id, FOCUSED);
  }, [focus]);

  return (
    <div>
      {failed ? <p role="alert">{t('versions.diagramFailed', { reason: failed })}</p> : null}
      <div ref={host} className="sz-diff-diagram" translate="no" role="img" aria-label={label} data-testid="version-diagram" />
    </div>
  );
}
