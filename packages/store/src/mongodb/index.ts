import { MongoClient, type MongoClientOptions } from 'mongodb';
import type { Store } from '../port.ts';
import { mongoAttachments } from './attachments.ts';
import { mongoAttempts } from './attempts.ts';
import { mongoCalendars } from './calendars.ts';
import { collectionsOf } from './collections.ts';
import { mongoComments } from './comments.ts';
import { mongoCommit } from './commit.ts';
import { mongoDefinitions } from './definitions.ts';
import { mongoDelegations } from './delegations.ts';
import { mongoUnits, mongoUsers } from './directory.ts';
import { mongoEvents } from './events.ts';
import { mongoForms } from './forms.ts';
import { mongoInstances } from './instances.ts';
import { mongoJobs } from './jobs.ts';
import { migrate } from './migrations.ts';
import { mongoNotices, mongoObjections } from './notices.ts';
import { mongoNotifications } from './notifications.ts';
import { mongoRegisters } from './registers.ts';
import { mongoSessions } from './sessions.ts';
import { mongoStats } from './stats.ts';
import { mongoSubscriptions } from './subscriptions.ts';
import { mongoTasks } from './tasks.ts';
import { mongoAdoptions, mongoTemplates } from './templates.ts';
import { mongoWebhooks } from './webhooks.ts';

export { REPLICA_SET_REQUIRED } from './errors.ts';

export interface MongoStoreOptions {
  /** A replica set or mongos, e.g. `mongodb://db1,db2,db3/?replicaSet=shanzhi`. */
  readonly url: string;
  readonly dbName: string;
  readonly clientOptions?: MongoClientOptions;
}

/** The production store on MongoDB: connects on first use; `migrate()` checks that transactions are available. */
export function createMongoStore(options: MongoStoreOptions): Store {
  // Optional fields left undefined are left out, as in JSON, rather than stored as null.
  const client = new MongoClient(options.url, { ...options.clientOptions, ignoreUndefined: true });
  const db = client.db(options.dbName);
  const collections = collectionsOf(db);
  return {
    migrate: () => migrate(db, collections),
    close: () => client.close(),
    units: mongoUnits(collections),
    users: mongoUsers(collections),
    definitions: mongoDefinitions(collections),
    forms: mongoForms(collections),
    templates: mongoTemplates(collections),
    adoptions: mongoAdoptions(collections),
    registers: mongoRegisters(client, collections),
    calendars: mongoCalendars(collections),
    delegations: mongoDelegations(collections),
    instances: mongoInstances(collections),
    tasks: mongoTasks(collections),
    stats: mongoStats(collections),
    jobs: mongoJobs(collections),
    subscriptions: mongoSubscriptions(collections),
    events: mongoEvents(collections),
    comments: mongoComments(collections),
    attachments: mongoAttachments(collections),
    notices: mongoNotices(collections),
    objections: mongoObjections(collections),
    notifications: mongoNotifications(client, collections),
    webhooks: mongoWebhooks(collections),
    sessions: mongoSessions(collections),
    attempts: mongoAttempts(collections),
    commit: mongoCommit(client, collections),
  };
}
