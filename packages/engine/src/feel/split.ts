/** Camunda 8 convention: a text starting with '=' is FEEL, anything else is a literal string. */
export function splitExpression(text: string): { feel: string } | { literal: string } {
  const start = text.trimStart();
  return start.startsWith('=') ? { feel: start.slice(1) } : { literal: text };
}
