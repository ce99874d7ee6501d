import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_ERRORS } from '@shanzhi/engine';
import { describe, expect, it } from 'vitest';
import { codeOf, ERRORS, type MessageId, statusOf } from '../src/errors/catalogue.ts';
import { updateErrorDocs } from '../src/errors/docs.ts';
import { FIELD_PROBLEMS } from '../src/errors/fieldProblems.ts';
import { paramNames, type Texts } from '../src/errors/template.ts';
import { ApiError } from '../src/errors.ts';

const CHINESE = /\p{Script=Han}/u;

/** Each text of the catalogue and of the field problems, by name. */
const TEXTS: [string, Texts][] = [
  ...Object.entries(ERRORS),
  ...Object.entries(FIELD_PROBLEMS).map(([k, t]): [string, Texts] => [`field ${k}`, t]),
];

describe('the error catalogue', () => {
  it.each(TEXTS)('%s is worded in Chinese and in English', (_id, texts) => {
    expect(texts['zh-CN']).toMatch(CHINESE);
    expect(texts.en.trim()).not.toBe('');
    expect(texts.en).not.toMatch(CHINESE);
  });

  it.each(TEXTS)('%s names the same {params} in both languages', (_id, texts) => {
    expect(paramNames(texts.en).sort()).toEqual(paramNames(texts['zh-CN']).sort());
  });

  it('translates every engine code, keeping the engine’s English', () => {
    for (const [code, english] of Object.entries(ENGINE_ERRORS)) expect(ERRORS[code as MessageId]?.en, code).toBe(english);
  });

  it('gives a variant its code’s status', () => {
    expect(statusOf('SZ_NOT_FOUND/task')).toBe(404);
    expect(statusOf('SZ_FORBIDDEN/anywhere')).toBe(403);
    expect(codeOf('SZ_NOT_FOUND/task')).toBe('SZ_NOT_FOUND');
  });

  it('refuses at compile time a message without its params, or with others (tsc checks these lines)', () => {
    // @ts-expect-error SZ_UNIT_NOT_FOUND names the unit
    const without = new ApiError('SZ_UNIT_NOT_FOUND');
    // @ts-expect-error SZ_UNIT_NOT_FOUND names no {name}
    const other = new ApiError('SZ_UNIT_NOT_FOUND', { name: '/x/' });
    // @ts-expect-error SZ_NOT_CANDIDATE names nothing
    const extra = new ApiError('SZ_NOT_CANDIDATE', { unit: '/x/' });
    // Had they compiled, a placeholder left unfilled would stay visible rather than vanish.
    expect([without.message, other.message, extra.message]).toEqual([
      'No unit {unit}.',
      'No unit {unit}.',
      'The task is neither assigned to you nor offered to one of your groups.',
    ]);
  });

  it('is what docs/errors.md shows (pnpm docs:errors writes it)', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/errors.md'), 'utf8');
    expect(updateErrorDocs(doc), 'docs/errors.md is stale: run pnpm docs:errors').toBe(doc);
  });
});
