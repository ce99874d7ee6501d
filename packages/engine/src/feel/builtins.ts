import { FeelDate, FeelDateTime, FeelFunction, toFeel } from 'feelin';
import { LIMITS, type Meter, stringTooLong } from './bounds.ts';
import { FeelFailure } from './failure.ts';
import { feelin, GUARDED } from './guards.ts';
import { approximateSize } from './size.ts';
import { DEFAULT_TIME_ZONE, type FeelEnv } from './types.ts';

/** What a built-in may use during one evaluation. */
export interface Runtime {
  readonly meter: Meter;
  readonly env: FeelEnv;
}

type Factory = (runtime: Runtime) => FeelFunction;

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

function constant(fn: FeelFunction): Factory {
  return () => fn;
}

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
  ...[...GUARDED].map(([name, make]): [string, Factory] => [name, ({ meter }) => make(meter)]),
  ...CAMUNDA,
]);
