/** `pnpm docs:errors`: writes the catalogue's tables into docs/errors.md (docs.ts says which). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateErrorDocs } from './docs.ts';

const file = join(import.meta.dirname, '../../../docs/errors.md');
writeFileSync(file, updateErrorDocs(readFileSync(file, 'utf8')));
