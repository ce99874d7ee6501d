import type { ReactNode } from 'react';
import type { UnitNode } from './reach.ts';

/** A unit node as antd's Tree and TreeSelect draw it: `label` to search by, `title` to show. */
export interface ShownUnit {
  readonly key: string;
  readonly value: string;
  readonly label: string;
  readonly title: ReactNode;
  readonly children: ShownUnit[];
}

/**
 * The unit tree with its names drawn as data (translate="no"): a name given as a string would
 * also become the node's title attribute, where the browser's translator would take it for text.
 */
export function shownUnits(nodes: readonly UnitNode[], extra?: (node: UnitNode) => ReactNode): ShownUnit[] {
  return nodes.map((n) => ({
    key: n.key,
    value: n.value,
    label: n.title,
    title: (
      <span>
        <span translate="no">{n.title}</span>
        {extra?.(n)}
      </span>
    ),
    children: shownUnits(n.children, extra),
  }));
}
