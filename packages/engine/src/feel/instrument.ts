import { evaluate, parseExpression } from 'feelin';
import { LIMITS, limitExceeded, type Shape } from './bounds.ts';
import { PARSE_CONTEXT, RUNTIME_FUNCTIONS } from './builtins.ts';
import { FeelFailure } from './failure.ts';
import { type HookName, RUNTIME } from './hooks.ts';

type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

/** Text inserted at, or replacing, `from..to` of the original expression. */
export interface Edit {
  from: number;
  to: number;
  text: string;
}

export interface Instrumented extends Shape {
  /** Sorted, non-overlapping edits that route loops, calls and `+` through the hooks. */
  edits: Edit[];
  /** Referenced names other than our built-ins: bound as function parameters. */
  parameters: string[];
  /** Referenced built-ins that are created per evaluation. */
  functions: string[];
}

/** Node types that feelin evaluates as a test per element when used as a filter (`list[item > 1]`). */
const FILTER_TESTS = new Set([
  'Disjunction',
  'Conjunction',
  'Comparison',
  'InstanceOfExpression',
  'QuantifiedExpression',
  'SimplePositiveUnaryTest',
  'Interval',
]);
/** Constructs whose body runs many times per evaluation. */
const REPEATING = new Set(['ForExpression', 'QuantifiedExpression', 'FunctionBody']);
/** Operands that can carry data of any size (literals are bounded by the expression length). */
const DATA = new Set([
  'VariableName',
  'PathExpression',
  'FilterExpression',
  'FunctionInvocation',
  'ParenthesizedExpression',
  'IfExpression',
  'ArithmeticExpression',
  'ForExpression',
  'List',
  'Context',
]);

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

/** Operands of a comparison that carry data: `a = b`, `a between b and c`, `a in (b, c)`. */
function comparisonOperands(node: SyntaxNode): SyntaxNode[] {
  return children(node)
    .flatMap((child) => (child.name === 'PositiveUnaryTests' ? children(child) : [child]))
    .map((child) => (child.name === 'PositiveUnaryTest' ? child.firstChild : child))
    .filter((child): child is SyntaxNode => child !== null && DATA.has(child.name));
}

const key = (node: { name: string; from: number; to: number }) => `${node.name}@${node.from}:${node.to}`;

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
  const parameters = new Set<string>();
  const functions = new Set<string>();
  const declared = new Set<string>();
  /** Per entered node: text to insert at its end, and whether it opened a repeating region. */
  const frames: { close: string; repeats: boolean }[] = [];
  /** Children that their parent asked to wrap in a hook, or to treat as repeating. */
  const wrapRequests = new Map<string, { hook: HookName; offset: number }>();
  const repeatRequests = new Set<string>();
  let repeating = 0;
  let repeatedNodes = 0;
  let repeatedHooks = 0;
  const wrap = (child: SyntaxNode | undefined, hook: HookName) => {
    if (child) wrapRequests.set(key(child), { hook, offset: child.from });
  };

  parseExpression(expression, PARSE_CONTEXT, undefined).iterate({
    enter(ref) {
      if (ref.type.isError) throw syntaxError(expression, ref.node);
      if (ref.type.isSkipped) return false;
      const { node, name, from, to } = ref;
      // Edits are made in traversal order; enter and leave positions never decrease, so the list
      // stays sorted, and a node's own wrapper nests inside the one its parent asked for.
      let opening = '';
      let close = '';
      let calls = 0;
      const call = (hook: HookName) => {
        calls += 1;
        return `${RUNTIME}.${hook}(`;
      };
      const requested = wrapRequests.get(key(ref));
      if (requested) {
        opening = call(requested.hook);
        close = `, ${requested.offset})`;
      }
      const repeats = REPEATING.has(name) || repeatRequests.has(key(ref));
      if (repeats) repeating += 1;
      switch (name) {
        case 'VariableName': {
          const variable = variableName(expression, node);
          assertNotReserved(variable, from);
          (RUNTIME_FUNCTIONS.has(variable) ? functions : parameters).add(variable);
          break;
        }
        case 'Name':
          assertNotReserved(expression.slice(from, to), from);
          declared.add(expression.slice(from, to));
          break;
        case 'Key': {
          const literal = node.getChild('StringLiteral');
          if (literal) assertNotReserved(String(evaluate(expression.slice(literal.from, literal.to)).value), from);
          break;
        }
        case 'IterationContext':
          opening += call(node.getChild('..') ? 'range' : 'each');
          close = `, ${from})${close}`;
          break;
        case '..':
          if (node.parent?.name === 'IterationContext') edits.push({ from, to, text: ', ' });
          break;
        case 'FunctionBody':
          opening += `${call('leave')}${call('enter')}${from}), `;
          close = `)${close}`;
          break;
        case 'ArithmeticExpression': {
          const op = node.getChild('ArithOp');
          if (op && op.from > from && expression.slice(op.from, op.to) === '+') {
            opening += call('str');
            close = `, ${from})${close}`;
          }
          break;
        }
        case 'FilterExpression': {
          const condition = filterCondition(node);
          if (condition && FILTER_TESTS.has(condition.name)) wrap(node.firstChild ?? undefined, 'items');
          const perElement = children(node)[2];
          if (perElement) repeatRequests.add(key(perElement));
          break;
        }
        case 'Comparison':
          if (repeating > 0) for (const operand of comparisonOperands(node)) wrap(operand, 'sized');
          break;
        case 'InstanceOfExpression':
          if (repeating > 0) wrap(node.firstChild ?? undefined, 'sized');
          break;
        case 'PathExpression':
          if (repeating > 0) wrap(node.firstChild ?? undefined, 'items');
          break;
      }
      if (opening) edits.push({ from, to: from, text: opening });
      if (repeating > 0) {
        repeatedNodes += 1;
        repeatedHooks += calls;
      }
      frames.push({ close, repeats });
    },
    leave(ref) {
      const frame = frames.pop();
      if (frame?.repeats) repeating -= 1;
      if (frame?.close) edits.push({ from: ref.to, to: ref.to, text: frame.close });
    },
  });
  // the hooks' parameter, `partial` and `item` come on top
  const names = parameters.size + functions.size + declared.size + 3;
  return { edits, parameters: [...parameters], functions: [...functions], names, repeatedNodes, repeatedHooks };
}
