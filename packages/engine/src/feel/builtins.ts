import { evaluate, FeelDate, FeelDateTime, FeelFunction, toFeel } from 'feelin';
import { LIMITS, type Meter, stringTooLong } from './bounds.ts';
import { FeelFailure } from './failure.ts';
import { assertSafePattern } from './pattern.ts';
import { approximateSize } from './size.ts';
import { DEFAULT_TIME_ZONE, type FeelEnv } from './types.ts';

/** What a built-in may use during one evaluation. */
export interface Runtime {
  readonly meter: Meter;
  readonly env: FeelEnv;
}

type Builtin = ((...args: unknown[]) => unknown) & { $args: string[] };
type Factory = (runtime: Runtime) => FeelFunction;

/** feelin's own implementation of a built-in: a bare built-in name evaluates to it. */
function feelin(name: string): Builtin {
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

function guarded(name: string, quadratic: boolean): [string, Factory] {
  const raw = feelin(name);
  const prepare = PREPARE[name];
  return [
    name,
    ({ meter }) =>
      new FeelFunction((...args: unknown[]) => {
        const n = quadratic ? listLength(args) : 0;
        meter.charge(args, (n * n) / 2);
        const result = raw(...(prepare ? prepare(args) : args));
        meter.checkString(result);
        return result;
      }, raw.$args),
  ];
}

const IS = feelin('is');
const STRING_JOIN = feelin('string join');

/** The wall clock of `env` in its zone. */
function zonedNow(env: FeelEnv) {
  const utc = toFeel(new Date(env.now)) as FeelDateTime; // a Date becomes a UTC date and time
  return utc
    .unwrap()
    .toZonedDateTime('UTC')
    .withTimeZone(env.timeZone || DEFAULT_TIME_ZONE);
}

const constant =
  (fn: FeelFunction): Factory =>
  () =>
    fn;

/** Camunda 8 built-ins that feelin lacks, and `now()`/`today()` that must not read the real clock. */
const CAMUNDA: [string, Factory][] = [
  ['is defined', constant(new FeelFunction((value: unknown) => value !== null && value !== undefined, ['value']))],
  ['get or else', constant(new FeelFunction((value: unknown, fallback: unknown) => value ?? fallback ?? null, ['value', 'default']))],
  ['is empty', constant(new FeelFunction((list: unknown) => (Array.isArray(list) ? list.length === 0 : null), ['list']))],
  [
    'trim',
    ({ meter }) =>
      new FeelFunction(
        (text: unknown) => {
          meter.charge([text]);
          return typeof text === 'string' ? text.trim() : null;
        },
        ['string'],
      ),
  ],
  [
    'uuid',
    ({ env }) =>
      new FeelFunction(() => {
        if (!env.newId) throw new FeelFailure('FEEL uuid() needs an id source (FeelEnv.newId), and none was given');
        return env.newId();
      }, []),
  ],
  [
    'partition',
    ({ meter }) =>
      new FeelFunction(
        (list: unknown, size: unknown) => {
          if (!Array.isArray(list) || typeof size !== 'number' || !Number.isInteger(size) || size < 1) return null;
          meter.charge([list]);
          const parts: unknown[][] = [];
          for (let i = 0; i < list.length; i += size) parts.push(list.slice(i, i + size));
          return parts;
        },
        ['list', 'size'],
      ),
  ],
  [
    'duplicate values',
    ({ meter }) =>
      new FeelFunction(
        (list: unknown) => {
          if (!Array.isArray(list)) return null;
          meter.charge([list], (list.length * list.length) / 2);
          const distinct: unknown[] = [];
          const counts: number[] = [];
          for (const item of list) {
            const index = distinct.findIndex((seen) => IS(seen, item) === true);
            if (index < 0) {
              distinct.push(item);
              counts.push(1);
            } else {
              counts[index] = (counts[index] ?? 0) + 1;
            }
          }
          return distinct.filter((_, i) => (counts[i] ?? 0) > 1);
        },
        ['list'],
      ),
  ],
  [
    'string join',
    ({ meter }) =>
      new FeelFunction(
        (list: unknown, delimiter: unknown, prefix: unknown, suffix: unknown) => {
          const extras = [delimiter, prefix, suffix];
          if (extras.some((extra) => extra !== null && extra !== undefined && typeof extra !== 'string')) return null;
          meter.charge([list, ...extras]);
          const repeated = Array.isArray(list) && typeof delimiter === 'string' ? list.length * delimiter.length : 0;
          if (approximateSize(list, LIMITS.stringLength) + repeated > LIMITS.stringLength) throw stringTooLong();
          // feelin checks the items and reports a non-string one as a warning
          const joined = STRING_JOIN(list, delimiter);
          return typeof joined === 'string' ? `${prefix ?? ''}${joined}${suffix ?? ''}` : joined;
        },
        ['list', 'delimiter', 'prefix', 'suffix'],
      ),
  ],
  [
    'now',
    ({ env }) =>
      new FeelFunction(() => {
        const zoned = zonedNow(env);
        return new FeelDateTime(zoned.toPlainDateTime(), zoned.timeZoneId);
      }, []),
  ],
  ['today', ({ env }) => new FeelFunction(() => new FeelDate(zonedNow(env).toPlainDate()), [])],
];

/**
 * Parse context for our names, so that e.g. `get or else` parses as one name. feelin's own names
 * stay out: the parser knows them, and declaring `context` as a variable breaks `context<…>` types.
 */
export const PARSE_CONTEXT: Readonly<Record<string, null>> = Object.fromEntries(CAMUNDA.map(([name]) => [name, null]));

/** Functions created per evaluation, by FEEL name. They shadow feelin's versions of the same name. */
export const RUNTIME_FUNCTIONS: ReadonlyMap<string, Factory> = new Map([
  ...LINEAR.map((name) => guarded(name, false)),
  ...QUADRATIC.map((name) => guarded(name, true)),
  ...CAMUNDA,
]);
