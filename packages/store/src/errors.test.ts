import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { StoreConflict, StoreCursorInvalid, StoreDuplicate } from './port.ts';

const doc = readFileSync(join(import.meta.dirname, '../../../docs/errors.md'), 'utf8');
const codes = [new StoreConflict('instance', 'i').code, new StoreDuplicate('x').code, new StoreCursorInvalid('c').code];

it.each(codes)('%s is documented in docs/errors.md', (code) => {
  expect(doc).toMatch(new RegExp(`^\\|\\s*\`${code}\`\\s*\\|`, 'm'));
});
