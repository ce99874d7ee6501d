import { evaluate, FeelFunction } from 'feelin';
import { LIMITS, type Meter, stringTooLong } from './bounds.ts';
import { assertSafePattern } from './pattern.ts';
import { approximateSize } from './size.ts';

/**
 * feelin's built-ins behind cost guards: each call is charged to the meter by the size of its
 * arguments, and checks what its result could grow to (see bounds.ts).
 */

type Builtin = ((...args: unknown[]) => unknown) & { $args: string[] };

/** feelin's own implementation of a built-in: a bare built-in name evaluates to it. */
export function feelin(name: string): Builtin {
  const { value } = evaluate(name);
  if (typeof value !== 'function') throw new Error(`feelin has no built-in function "${name}"`);
  return value as Builtin;
}

/** Argument checks run before feelin's implementation, for results that can outgrow their arguments. */
const withPattern = (args: unknown[]): unknown[] => {
  if (typeof args[1] === 'string') assertSafePattern(args[1]);
  return args;
};
const PREPARE: Record<string, (args: unknown[]) => unknown[]> = {
  string: (args) => {
    if (approximateSize(args, LIMITS.stringLength) > LIMITS.stringLength) throw stringTooLong();
    return args;
  },
  matches: withPattern,
  split: withPattern,
  replace: (args) => {
    const [input, , replacement] = withPattern(args);
    if (typeof input !== 'string' || typeof replacement !== 'string') return args;
    // every match may insert the replacement, and each `$n` in it a match
    if ((input.length + 1) * (replacement.length + 1) > LIMITS.stringLength) throw stringTooLong();
    // JavaScript's $` and $' would insert the whole input per match; FEEL has no such references
    return [input, args[1], replacement.replace(/\$([`'])/g, '$$$$$1'), ...args.slice(3)];
  },
};

/** feelin built-ins whose work grows with their arguments; each call is charged to the meter. */
const LINEAR = [
  ...['string', 'number', 'substring', 'string length', 'upper case', 'lower case', 'substring before', 'substring after'],
  ...['contains', 'starts with', 'ends with', 'matches', 'replace', 'split'],
  ...['list contains', 'list replace', 'min', 'max', 'sum', 'mean', 'all', 'any', 'sublist', 'append', 'concatenate'],
  ...['insert before', 'remove', 'reverse', 'index of', 'flatten', 'product', 'median', 'stddev', 'mode', 'sort'],
  ...['get entries', 'context', 'context merge', 'context put', 'is'],
];
/** …and those that compare every pair of elements. */
const QUADRATIC = ['distinct values', 'union'];

const listLength = (args: readonly unknown[]) => args.reduce<number>((sum, arg) => sum + (Array.isArray(arg) ? arg.length : 0), 0);

function guarded(name: string, quadratic: boolean): [string, (meter: Meter) => FeelFunction] {
  const raw = feelin(name);
  const prepare = PREPARE[name];
  return [
    name,
    (meter) =>
      new FeelFunction((...args: unknown[]) => {
        const n = quadratic ? listLength(args) : 0;
        meter.charge(args, (n * n) / 2);
        const result = raw(...(prepare ? prepare(args) : args));
        meter.checkString(result);
        return result;
      }, raw.$args),
  ];
}

/** feelin's built-ins that need a meter, by FEEL name; they are bound in place of feelin's own. */
export const GUARDED: ReadonlyMap<string, (meter: Meter) => FeelFunction> = new Map([
  ...LINEAR.map((name) => guarded(name, false)),
  ...QUADRATIC.map((name) => guarded(name, true)),
]);
