import type Database from 'better-sqlite3';
import type { Store } from '../port.ts';
import { sqliteAttachments } from './attachments.ts';
import { sqliteAttempts } from './attempts.ts';
import { sqliteCalendars } from './calendars.ts';
import { sqliteComments } from './comments.ts';
import { sqliteCommit } from './commit.ts';
import { sqliteDefinitions } from './definitions.ts';
import { sqliteDelegations } from './delegations.ts';
import { sqliteUnits, sqliteUsers } from './directory.ts';
import { sqliteEvents } from './events.ts';
import { sqliteForms } from './forms.ts';
import { sqliteInstances } from './instances.ts';
import { sqliteJobs } from './jobs.ts';
import { migrate } from './migrations.ts';
import { sqliteNotices, sqliteObjections } from './notices.ts';
import { sqliteNotifications } from './notifications.ts';
import { BUSY_TIMEOUT_MS } from './open.ts';
import { sqliteRegisters } from './registers.ts';
import { sqliteSessions } from './sessions.ts';
import { wrapDatabase } from './sql.ts';
import { sqliteStats } from './stats.ts';
import { sqliteSubscriptions } from './subscriptions.ts';
import { sqliteTasks } from './tasks.ts';
import { sqliteAdoptions, sqliteTemplates } from './templates.ts';
import { sqliteWebhooks } from './webhooks.ts';

/** The Store over an open database; attachment content goes to `filesDir`. */
export function sqliteStore(db: Database.Database, filesDir: string): Store {
  const sqlite = wrapDatabase(db, BUSY_TIMEOUT_MS);
  return {
    async migrate() {
      migrate(db);
      // Fresh statistics let the planner choose between a unit-range index and a start-order
      // index (a village's list versus a town's); cheap when nothing changed.
      db.pragma('optimize=0x10002');
    },
    async close() {
      sqlite.flush();
      db.pragma('optimize');
      db.close();
    },
    units: sqliteUnits(sqlite),
    users: sqliteUsers(sqlite),
    definitions: sqliteDefinitions(sqlite),
    forms: sqliteForms(sqlite),
    templates: sqliteTemplates(sqlite),
    adoptions: sqliteAdoptions(sqlite),
    calendars: sqliteCalendars(sqlite),
    delegations: sqliteDelegations(sqlite),
    instances: sqliteInstances(sqlite),
    tasks: sqliteTasks(sqlite),
    stats: sqliteStats(sqlite),
    jobs: sqliteJobs(sqlite),
    subscriptions: sqliteSubscriptions(sqlite),
    events: sqliteEvents(sqlite),
    comments: sqliteComments(sqlite),
    attachments: sqliteAttachments(sqlite, filesDir),
    notices: sqliteNotices(sqlite),
    objections: sqliteObjections(sqlite),
    registers: sqliteRegisters(sqlite),
    notifications: sqliteNotifications(sqlite),
    webhooks: sqliteWebhooks(sqlite),
    sessions: sqliteSessions(sqlite),
    attempts: sqliteAttempts(sqlite),
    commit: sqliteCommit(sqlite),
  };
}
