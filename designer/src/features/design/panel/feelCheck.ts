import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import type { PanelCatalog } from './catalog.ts';

/** How long typing must pause before the server is asked. */
const CHECK_DELAY_MS = 400;

/** Which texts are FEEL: a condition always (with or without `=`), other fields only when they start with `=`. */
export type FeelMode = 'always' | 'prefixed';

function feelOf(value: string, mode: FeelMode): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return mode === 'always' || trimmed.startsWith('=') ? trimmed : undefined;
}

/** The server's verdict on `value` as FEEL, asked a moment after it stops changing; undefined while fine or not FEEL. */
export function useFeelProblem(catalog: PanelCatalog, value: string, mode: FeelMode | undefined) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useEffect(() => {
    const feel = mode ? feelOf(value, mode) : undefined;
    if (feel === undefined) {
      setProblem(undefined);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      catalog.checkFeel(feel).then(
        (found) => current && setProblem(found),
        () => current && setProblem(undefined),
      );
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [catalog, value, mode]);
  return problem;
}
