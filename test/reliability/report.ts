/** What each part tells the runner, and the runner's lines: one per part, then the final one. */
export interface PartResult {
  readonly name: string;
  readonly ok: boolean;
  /** The part's summary line after its name. */
  readonly summary: string;
  /** What went wrong, one line each (the first few are printed). */
  readonly failures: readonly string[];
  readonly instances?: number;
  readonly crashes?: number;
  readonly races?: number;
  readonly inputs?: number;
  /** Unset when the part stopped before it could count (an error). */
  readonly lost?: number;
  readonly duplicated?: number;
  readonly leaks?: number;
  readonly seconds: number;
}

/** A part of issue #14 that has no test yet: named as such, never counted as a pass. */
export interface NotBuilt {
  readonly name: string;
  readonly notBuilt: true;
}

export function partLine(r: PartResult | NotBuilt): string {
  if ('notBuilt' in r) return `${r.name}: not built yet`;
  return `${r.name}: ${r.ok ? 'ok' : 'FAILED'}, ${r.summary} (${r.seconds.toFixed(0)} s)`;
}

/** Sums what the parts measured; a count no built part measures is said to be unmeasured, not 0. */
export function finalLine(results: readonly (PartResult | NotBuilt)[]): string {
  const built = results.filter((r): r is PartResult => !('notBuilt' in r));
  const sum = (pick: (r: PartResult) => number | undefined) => {
    const measured = built.map(pick).filter((n): n is number => n !== undefined);
    return measured.length === 0 ? 'not measured' : String(measured.reduce((a, b) => a + b, 0));
  };
  return (
    `reliability: instances ${sum((r) => r.instances)}, crashes survived ${sum((r) => r.crashes)}, races ${sum((r) => r.races)}, ` +
    `inputs tried ${sum((r) => r.inputs)}, lost = ${sum((r) => r.lost)}, duplicated = ${sum((r) => r.duplicated)}, leaks = ${sum((r) => r.leaks)}`
  );
}
