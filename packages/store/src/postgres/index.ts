import type { Store } from '../port.ts';
import { postgresAttachments } from './attachments.ts';
import { postgresAttempts } from './attempts.ts';
import { postgresCalendars } from './calendars.ts';
import { postgresComments } from './comments.ts';
import { postgresCommit } from './commit.ts';
import { openPool, type PostgresPoolOptions } from './db.ts';
import { postgresDefinitions } from './definitions.ts';
import { postgresDelegations } from './delegations.ts';
import { postgresUnits, postgresUsers } from './directory.ts';
import { postgresEvents } from './events.ts';
import { postgresForms } from './forms.ts';
import { postgresInstances } from './instances.ts';
import { postgresJobs } from './jobs.ts';
import { migrate } from './migrations.ts';
import { postgresNotices, postgresObjections } from './notices.ts';
import { postgresNotifications } from './notifications.ts';
import { postgresRegisters } from './registers.ts';
import { postgresSessions } from './sessions.ts';
import { postgresStats } from './stats.ts';
import { postgresSubscriptions } from './subscriptions.ts';
import { postgresTasks } from './tasks.ts';
import { postgresAdoptions, postgresTemplates } from './templates.ts';
import { postgresWebhooks } from './webhooks.ts';

export { POOL_DEFAULTS, type PostgresPoolOptions } from './db.ts';

export interface PostgresStoreOptions {
  /** A PostgreSQL 15 or later database, e.g. `postgres://shanzhi:secret@db1:5432/shanzhi`. */
  readonly url: string;
  /** This process's connection pool; see POOL_DEFAULTS. */
  readonly pool?: PostgresPoolOptions;
}

/**
 * The store on PostgreSQL, for several server processes on several machines sharing one
 * database: connects on first use; `migrate()` creates or upgrades the schema.
 */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  const pg = openPool(options.url, options.pool);
  return {
    migrate: () => migrate(pg),
    close: () => pg.end(),
    units: postgresUnits(pg),
    users: postgresUsers(pg),
    definitions: postgresDefinitions(pg),
    forms: postgresForms(pg),
    templates: postgresTemplates(pg),
    adoptions: postgresAdoptions(pg),
    calendars: postgresCalendars(pg),
    delegations: postgresDelegations(pg),
    instances: postgresInstances(pg),
    tasks: postgresTasks(pg),
    stats: postgresStats(pg),
    jobs: postgresJobs(pg),
    subscriptions: postgresSubscriptions(pg),
    events: postgresEvents(pg),
    comments: postgresComments(pg),
    attachments: postgresAttachments(pg),
    notices: postgresNotices(pg),
    registers: postgresRegisters(pg),
    objections: postgresObjections(pg),
    notifications: postgresNotifications(pg),
    webhooks: postgresWebhooks(pg),
    sessions: postgresSessions(pg),
    attempts: postgresAttempts(pg),
    commit: postgresCommit(pg),
  };
}
