import { evaluate, parseExpression } from 'feelin';
import { LIMITS, limitExceeded } from './bounds.ts';
import { RUNTIME_FUNCTIONS } from './builtins.ts';
import { FeelFailure } from './failure.ts';
import { type HookName, RUNTIME } from './hooks.ts';

type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

/** Text inserted at, or replacing, `from..to` of the original expression. */
export interface Edit {
  from: number;
  to: number;
  text: string;
}

export interface Instrumented {
  /** Sorted, non-overlapping edits that route loops, calls and `+` through the hooks. */
  edits: Edit[];
  /** Referenced names other than our built-ins: bound as function parameters. */
  parameters: string[];
  /** Referenced built-ins that are created per evaluation. */
  functions: string[];
}

/** Our multi-word names (e.g. `get or else`) only parse as names when the parser knows them. */
export const PARSE_CONTEXT: Record<string, null> = Object.fromEntries([...RUNTIME_FUNCTIONS.keys()].map((name) => [name, null]));

/** Node types that feelin evaluates as a test per element when used as a filter (`list[item > 1]`). */
const FILTER_TESTS = new Set(['Disjunction', 'Conjunction', 'Comparison', 'InstanceOfExpression', 'QuantifiedExpression', 'SimplePositiveUnaryTest', 'Interval']);

const open = (hook: HookName) => `${RUNTIME}.${hook}(`;

function children(node: SyntaxNode): SyntaxNode[] {
  const result: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) result.push(child);
  return result;
}

function syntaxError(expression: string, node: SyntaxNode): FeelFailure {
  let culprit: SyntaxNode | null = node;
  if (node.from === node.to) {
    // an empty error node marks a missing token: blame what follows it
    culprit = null;
    for (let at: SyntaxNode | null = node; at && !culprit; at = at.parent) culprit = at.nextSibling;
  }
  if (!culprit) {
    const construct = (node.parent?.name ?? 'Expression').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return new FeelFailure(`FEEL syntax error: incomplete ${construct}`, expression.length);
  }
  const text = expression.slice(culprit.from, Math.min(culprit.to, culprit.from + 20));
  return new FeelFailure(`FEEL syntax error: unexpected ${JSON.stringify(text)}`, culprit.from);
}

/** The name feelin resolves for a VariableName: its identifiers joined by single spaces. */
function variableName(expression: string, node: SyntaxNode): string {
  return children(node)
    .map((part) => expression.slice(part.from, part.to))
    .join(' ');
}

function assertNotReserved(name: string, offset: number): void {
  if (name.startsWith(RUNTIME)) throw new FeelFailure(`FEEL name "${name}" is reserved`, offset);
}

/** The condition of a filter, looking through parentheses as feelin does. */
function filterCondition(node: SyntaxNode): SyntaxNode | undefined {
  let condition = children(node)[2];
  while (condition?.name === 'ParenthesizedExpression') condition = children(condition)[1];
  return condition;
}

/**
 * Parse `expression`, reject syntax errors and reserved names, and plan the edits that make its
 * unbounded constructs report to the meter (see bounds.ts).
 */
export function instrument(expression: string): Instrumented {
  if (expression.length > LIMITS.expressionLength) {
    throw limitExceeded('length', `${LIMITS.expressionLength.toLocaleString('en-US')} characters`);
  }
  if (expression.trim() === '') throw new FeelFailure('FEEL expression is empty');
  const edits: Edit[] = [];
  const closers: (string | null)[] = [];
  const parameters = new Set<string>();
  const functions = new Set<string>();
  let wrapTarget: number | null = null;

  parseExpression(expression, PARSE_CONTEXT, undefined).iterate({
    enter(ref) {
      if (ref.type.isError) throw syntaxError(expression, ref.node);
      if (ref.type.isSkipped) return false;
      const { node, from, to } = ref;
      // Edits are made in traversal order; enter and leave positions never decrease, so the
      // list stays sorted and nested wrappers close inside out.
      let close: string | null = null;
      if (wrapTarget !== null) {
        edits.push({ from, to: from, text: open('items') });
        close = `, ${wrapTarget})`;
        wrapTarget = null;
      }
      switch (ref.name) {
        case 'VariableName': {
          const name = variableName(expression, node);
          assertNotReserved(name, from);
          (RUNTIME_FUNCTIONS.has(name) ? functions : parameters).add(name);
          break;
        }
        case 'Name':
          assertNotReserved(expression.slice(from, to), from);
          break;
        case 'Key': {
          const literal = node.getChild('StringLiteral');
          if (literal) assertNotReserved(String(evaluate(expression.slice(literal.from, literal.to)).value), from);
          break;
        }
        case 'IterationContext':
          edits.push({ from, to: from, text: open(node.getChild('..') ? 'range' : 'each') });
          close = `, ${from})`;
          break;
        case '..':
          if (node.parent?.name === 'IterationContext') edits.push({ from, to, text: ', ' });
          break;
        case 'FunctionBody':
          edits.push({ from, to: from, text: `${open('leave')}${open('enter')}${from}), ` });
          close = ')';
          break;
        case 'ArithmeticExpression': {
          const op = node.getChild('ArithOp');
          if (op && op.from > from && expression.slice(op.from, op.to) === '+') {
            edits.push({ from, to: from, text: open('str') });
            close = `, ${from})`;
          }
          break;
        }
        case 'FilterExpression': {
          const condition = filterCondition(node);
          if (condition && FILTER_TESTS.has(condition.name)) wrapTarget = from;
          break;
        }
      }
      closers.push(close);
    },
    leave(ref) {
      const close = closers.pop();
      if (close) edits.push({ from: ref.to, to: ref.to, text: close });
    },
  });
  return { edits, parameters: [...parameters], functions: [...functions] };
}
