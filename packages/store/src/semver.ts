/** Template versions are semver: MAJOR.MINOR.PATCH, with an optional pre-release (1.2.0-rc.1) and build (1.2.0+20250303). */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export const isSemver = (version: string): boolean => SEMVER.test(version);

const NUMERIC = /^\d+$/;

/** One pre-release identifier against another: numbers numerically and before words, words in ASCII order. */
function compareIdentifiers(a: string, b: string): number {
  const numeric = [NUMERIC.test(a), NUMERIC.test(b)];
  if (numeric[0] && numeric[1]) return Number(a) - Number(b);
  if (numeric[0] !== numeric[1]) return numeric[0] ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Semver precedence, negative when `a` comes first: major, minor and patch numerically (1.10.0
 * after 1.9.0), a pre-release before its release; build metadata does not count.
 */
export function compareSemver(a: string, b: string): number {
  const [, ...left] = SEMVER.exec(a) ?? [];
  const [, ...right] = SEMVER.exec(b) ?? [];
  if (left.length === 0 || right.length === 0) throw new Error(`"${left.length === 0 ? a : b}" is not a semver version, e.g. 1.2.0`);
  for (let i = 0; i < 3; i++) {
    const order = Number(left[i]) - Number(right[i]);
    if (order !== 0) return order;
  }
  const [pre, otherPre] = [left[3], right[3]];
  if (pre === undefined || otherPre === undefined) return pre === otherPre ? 0 : pre === undefined ? 1 : -1;
  const [ids, otherIds] = [pre.split('.'), otherPre.split('.')];
  for (let i = 0; i < Math.min(ids.length, otherIds.length); i++) {
    const order = compareIdentifiers(ids[i]!, otherIds[i]!);
    if (order !== 0) return order;
  }
  return ids.length - otherIds.length;
}

/** The order of Store.templates.versions: by template id, then oldest version first, then id (1.0.0+a before 1.0.0+b). */
export function byTemplateThenVersion(
  a: { readonly templateId: string; readonly version: string; readonly id: string },
  b: { readonly templateId: string; readonly version: string; readonly id: string },
): number {
  if (a.templateId !== b.templateId) return a.templateId < b.templateId ? -1 : 1;
  return compareSemver(a.version, b.version) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
