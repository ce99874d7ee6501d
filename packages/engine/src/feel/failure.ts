/** An evaluation or compilation failure; `offset` (0-based) points into the original expression. */
export class FeelFailure extends Error {
  readonly offset: number | undefined;

  constructor(message: string, offset?: number) {
    super(message);
    this.name = 'FeelFailure';
    this.offset = offset;
  }
}

const QUOTE_LIMIT = 80;

/** 1-based line and column of an offset. */
export function locate(expression: string, offset: number): { line: number; column: number } {
  const before = expression.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

function where(expression: string, offset: number): string {
  const { line, column } = locate(expression, offset);
  return expression.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`;
}

function quote(expression: string): string {
  const text = expression.length > QUOTE_LIMIT ? `${expression.slice(0, QUOTE_LIMIT)}…` : expression;
  return JSON.stringify(text);
}

/** The message for anything thrown while compiling or evaluating `expression`. */
export function describeFailure(expression: string, error: unknown): string {
  const at = (offset: number | undefined) => (offset === undefined ? '' : ` at ${where(expression, offset)}`);
  if (error instanceof FeelFailure) return `${error.message}${at(error.offset)} in ${quote(expression)}`;
  const detail = error instanceof Error ? error.message : String(error);
  // deep nesting inside deep recursion can outgrow the JavaScript stack before the call depth limit
  if (error instanceof RangeError && /call stack/i.test(detail)) {
    return `FEEL expression nests or recurses too deeply in ${quote(expression)}`;
  }
  return `FEEL evaluation failed in ${quote(expression)}: ${detail}`;
}
