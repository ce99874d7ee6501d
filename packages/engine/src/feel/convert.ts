import { FeelDate, FeelDateTime, FeelDuration, FeelFunction, FeelRange, FeelTime } from 'feelin';
import { LIMITS, limitExceeded } from './bounds.ts';
import { FeelFailure } from './failure.ts';
import { approximateSize, isPlainObject } from './size.ts';

/** The FEEL type of a value, for messages. */
export function feelType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  if (value instanceof FeelDateTime) return 'date and time';
  if (value instanceof FeelDate) return 'date';
  if (value instanceof FeelTime) return 'time';
  if (value instanceof FeelDuration) return 'duration';
  if (value instanceof FeelRange) return 'range';
  if (value instanceof FeelFunction) return 'function';
  if (typeof value === 'object') return isPlainObject(value) ? 'context' : 'object';
  return typeof value;
}

/** ISO 8601 with a numeric offset, which feelin, Date and cron all parse back; local values stay local. */
function isoDateTime(value: FeelDateTime): string {
  if (value.zone === null) return value.toString();
  return value.unwrap().toZonedDateTime(value.zone).toString({ timeZoneName: 'never' });
}

function convert(value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new FeelFailure('FEEL result contains a number that is not finite');
    return value;
  }
  // values shared or cycled through `partial` would otherwise recurse forever
  if (depth >= LIMITS.resultDepth) throw limitExceeded('result nesting', `${LIMITS.resultDepth} levels`);
  if (Array.isArray(value)) return value.map((item) => convert(item, depth + 1));
  if (value instanceof FeelDateTime) return isoDateTime(value);
  if (value instanceof FeelDate || value instanceof FeelTime || value instanceof FeelDuration) return value.toString();
  if (typeof value === 'object' && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, convert(entry, depth + 1)]));
  }
  throw new FeelFailure(`FEEL result is a ${feelType(value)}, which cannot be stored as a variable`);
}

/** A FEEL value as plain JSON: temporals become ISO 8601 strings, ranges and functions are refused. */
export function toJson(value: unknown): unknown {
  if (approximateSize(value, LIMITS.resultSize) > LIMITS.resultSize) {
    throw limitExceeded('result size', `${LIMITS.resultSize.toLocaleString('en-US')} characters`);
  }
  return convert(value, 0);
}
