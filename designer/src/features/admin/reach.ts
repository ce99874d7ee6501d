/** A unit as /api/org/units gives it. */
export interface UnitRow {
  readonly path: string;
  readonly name: string;
  readonly kind: string;
}

/** A unit with the units directly below it, for antd's Tree and TreeSelect. */
export interface UnitNode {
  readonly key: string;
  readonly value: string;
  readonly title: string;
  readonly kind: string;
  readonly children: UnitNode[];
}

/** Whether `path` is `root` or below it (paths are materialised: /nanhai/lishui/hefeng/). */
export function isWithin(path: string, root: string): boolean {
  return path.startsWith(root);
}

/** The path one level up: /nanhai/lishui/ for /nanhai/lishui/hefeng/; / for a top unit. */
export function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/', path.length - 2) + 1);
}

/**
 * The units as a forest: each under its nearest unit in the list above it, so a village admin's
 * village is a root of its own when the town itself is out of reach.
 */
export function unitForest(units: readonly UnitRow[]): UnitNode[] {
  const sorted = [...units].sort((a, b) => a.path.localeCompare(b.path));
  const nodes = new Map<string, UnitNode>();
  const roots: UnitNode[] = [];
  for (const u of sorted) {
    const node: UnitNode = { key: u.path, value: u.path, title: u.name, kind: u.kind, children: [] };
    nodes.set(u.path, node);
    let above = parentOf(u.path);
    while (above.length > 1 && !nodes.has(above)) above = parentOf(above);
    const parent = nodes.get(above);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The units where someone with these grants holds one of `roles` (each with everything below it). */
export function unitsWhere(grants: readonly { role: string; unitPath: string }[], roles: readonly string[]): string[] {
  return [...new Set(grants.filter((g) => roles.includes(g.role)).map((g) => g.unitPath))];
}

/** Whether `path` lies within one of `roots`. */
export function within(roots: readonly string[], path: string): boolean {
  return roots.some((root) => isWithin(path, root));
}

/** A new unit's path: the parent's path and the new segment (trimmed, lower case as the demo paths are). */
export function childPath(parent: string, segment: string): string {
  return `${parent}${segment.trim().toLowerCase()}/`;
}
