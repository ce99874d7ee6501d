import { FeelFailure } from './failure.ts';

/** `{n}`, `{n,}` or `{n,m}` at the start of `text`, with whether it repeats more than once. */
function braces(text: string): { length: number; repeats: boolean } | undefined {
  const match = /^\{(\d+)(,(\d*))?\}/.exec(text);
  if (!match) return undefined;
  const max = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
  return { length: match[0].length, repeats: max > 1 };
}

/**
 * Rejects regular expressions whose backtracking can explode: a repeated group that itself holds a
 * quantifier or an alternation, as in `(a+)+` or `(a|aa)*`. V8 offers no linear-time engine by
 * default, so this check is what bounds matches(), replace() and split() on hostile patterns.
 */
export function assertSafePattern(pattern: string): void {
  const groups = [false]; // per open group: does it hold a quantifier or an alternation?
  let lastWasRiskyGroup = false;
  let i = 0;
  const markRisky = () => {
    groups[groups.length - 1] = true;
  };
  while (i < pattern.length) {
    const char = pattern[i] as string;
    const quantifier =
      char === '*' || char === '+' || char === '?'
        ? { length: 1, repeats: char !== '?' }
        : char === '{'
          ? braces(pattern.slice(i))
          : undefined;
    if (quantifier) {
      if (quantifier.repeats && lastWasRiskyGroup) {
        throw new FeelFailure(
          `FEEL regular expression ${JSON.stringify(pattern)} repeats a group that contains a quantifier or alternation; it could run for hours`,
        );
      }
      markRisky();
      i += quantifier.length + (pattern[i + quantifier.length] === '?' ? 1 : 0);
      lastWasRiskyGroup = false;
      continue;
    }
    lastWasRiskyGroup = false;
    if (char === '\\') {
      i += 2;
    } else if (char === '[') {
      i += 1;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (char === '(') {
      groups.push(false);
      // skip the `?:`, `?=`, `?<name>` … marker so its `?` is not read as a quantifier
      const marker = /^\((\?(<?[=!]|:|<[^>]*>))?/.exec(pattern.slice(i));
      i += marker ? marker[0].length : 1;
    } else if (char === ')') {
      const risky = groups.length > 1 ? (groups.pop() as boolean) : false;
      if (risky) markRisky();
      lastWasRiskyGroup = risky;
      i += 1;
    } else {
      if (char === '|') markRisky();
      i += 1;
    }
  }
}
