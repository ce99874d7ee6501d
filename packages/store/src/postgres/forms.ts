import type { Store } from '../port.ts';
import type { Postgres } from './db.ts';
import { FORMS } from './tables.ts';
import { postgresVersioned } from './versioned.ts';

export function postgresForms(pg: Postgres): Store['forms'] {
  return postgresVersioned(pg, { ...FORMS, noun: 'form' });
}
