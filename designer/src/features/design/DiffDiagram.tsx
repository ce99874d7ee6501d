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
        for (const { id, kind } of marks) if (registry.get(id)) canvas.addMarker(id, `sz-diff-${kind}`);
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
