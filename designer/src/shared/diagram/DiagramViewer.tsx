import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import './diagram.css';

interface Canvas {
  zoom(level: 'fit-viewport' | number, center?: 'auto'): void;
  addMarker(elementId: string, marker: string): void;
}

/**
 * The procedure's diagram, read-only, with the steps that wait now marked. bpmn-js is imported
 * here only, so it lands in its own chunk that loads when a task page opens its diagram.
 */
export default function DiagramViewer({ xml, active }: { xml: string; active: readonly string[] }) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string>();

  useEffect(() => {
    let viewer: { destroy(): void } | undefined;
    let cancelled = false;
    (async () => {
      const { default: NavigatedViewer } = await import('bpmn-js/lib/NavigatedViewer');
      if (cancelled || !host.current) return;
      const v = new NavigatedViewer({ container: host.current });
      viewer = v;
      try {
        await v.importXML(xml);
        const canvas = v.get<Canvas>('canvas');
        canvas.zoom('fit-viewport', 'auto');
        for (const id of active) {
          try {
            canvas.addMarker(id, 'sz-active');
          } catch {
            // A waiting element drawn nowhere (no DI shape) simply is not marked.
          }
        }
      } catch (e) {
        setFailed(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
      viewer?.destroy();
    };
  }, [xml, active]);

  return (
    <div>
      {failed ? <p role="alert">{t('diagram.failed', { reason: failed })}</p> : null}
      <div ref={host} className="sz-diagram" data-testid="diagram" translate="no" role="img" aria-label={t('diagram.label')} />
    </div>
  );
}
