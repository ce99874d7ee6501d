import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_ERRORS } from '../src/errors.ts';

describe('error codes', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../docs/errors.md'), 'utf8');

  it.each(Object.keys(SERVER_ERRORS))('%s is documented in docs/errors.md with its status', (code) => {
    const status = SERVER_ERRORS[code as keyof typeof SERVER_ERRORS].status;
    expect(doc).toMatch(new RegExp(`^\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`, 'm'));
  });
});
