import type { Postgres } from './db.ts';
import { raw, sql } from './sql.ts';

/**
 * The schema, as numbered steps, like the SQLite adapter's (their numbers are this adapter's
 * own). A step, once released, never changes: later changes are new steps. `migrate` applies,
 * in version order and in one transaction, each step `schema_version` does not record, under
 * an advisory lock, so processes opening the database at once wait for the first one's steps
 * and then find them recorded. Steps are told apart by version, not by being below the
 * highest, so a step that lands after a higher one (work on branches) still runs.
 *
 * Every text column is COLLATE "C": unit paths are compared as ranges (reach.ts) and ids break
 * ties in every order, both in code point order as JavaScript and the other adapters compare,
 * whatever locale the database was created with. JSON is `json`, which keeps a document's text
 * as written: `jsonb` would sort every object's keys (by length first), and a form's fields show
 * in the order of its `properties`. Nothing queries inside a document; every field a query
 * needs is a column of its own. Lists of names (candidate users, webhook kinds, holidays) are text[].
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'the schema of the SQLite adapter as of its step 16',
    sql: `
      CREATE TABLE units (
        id text COLLATE "C" PRIMARY KEY,
        path text COLLATE "C" NOT NULL UNIQUE,
        name text COLLATE "C" NOT NULL,
        kind text COLLATE "C" NOT NULL
      );

      CREATE TABLE users (
        id text COLLATE "C" PRIMARY KEY,
        username text COLLATE "C" NOT NULL UNIQUE,
        display_name text COLLATE "C" NOT NULL,
        password_hash text COLLATE "C",
        disabled boolean NOT NULL,
        created_at bigint NOT NULL
      );

      CREATE TABLE role_grants (
        user_id text COLLATE "C" NOT NULL,
        role text COLLATE "C" NOT NULL,
        unit_path text COLLATE "C" NOT NULL,
        PRIMARY KEY (user_id, role, unit_path)
      );
      CREATE INDEX role_grants_by_path ON role_grants (unit_path, user_id);
      CREATE INDEX role_grants_by_role ON role_grants (role, unit_path, user_id);

      CREATE TABLE definitions (
        id text COLLATE "C" PRIMARY KEY,
        key text COLLATE "C" NOT NULL,
        version integer NOT NULL,
        unit_path text COLLATE "C" NOT NULL,
        name text COLLATE "C",
        xml text COLLATE "C" NOT NULL,
        deployed_at bigint NOT NULL,
        deployed_by text COLLATE "C" NOT NULL,
        forms json,
        variables json,
        UNIQUE (key, unit_path, version)
      );
      CREATE INDEX definitions_by_unit ON definitions (unit_path, key, version);

      CREATE TABLE forms (
        id text COLLATE "C" PRIMARY KEY,
        key text COLLATE "C" NOT NULL,
        version integer NOT NULL,
        unit_path text COLLATE "C" NOT NULL,
        title text COLLATE "C" NOT NULL,
        schema json NOT NULL,
        ui_schema json,
        deployed_at bigint NOT NULL,
        deployed_by text COLLATE "C" NOT NULL,
        UNIQUE (key, unit_path, version)
      );
      CREATE INDEX forms_by_unit ON forms (unit_path, key, version);

      -- chain_seq and chain_hash are the head of the instance's event chain, so a commit
      -- extends it without reading events.
      CREATE TABLE instances (
        id text COLLATE "C" PRIMARY KEY,
        definition_id text COLLATE "C" NOT NULL,
        definition_key text COLLATE "C" NOT NULL,
        unit_path text COLLATE "C" NOT NULL,
        business_key text COLLATE "C",
        status text COLLATE "C" NOT NULL,
        version integer NOT NULL,
        state json NOT NULL,
        started_at bigint NOT NULL,
        started_by text COLLATE "C" NOT NULL,
        ended_at bigint,
        parent_id text COLLATE "C",
        incidents integer NOT NULL,
        chain_seq integer NOT NULL,
        chain_hash text COLLATE "C" NOT NULL
      );
      CREATE UNIQUE INDEX instances_business_key ON instances (definition_key, unit_path, business_key) WHERE business_key IS NOT NULL;
      CREATE INDEX instances_by_unit ON instances (unit_path, started_at);
      CREATE INDEX instances_by_status ON instances (status, unit_path, started_at);
      CREATE INDEX instances_by_definition ON instances (definition_key, unit_path, started_at);
      CREATE INDEX instances_with_incidents ON instances (unit_path, started_at) WHERE incidents > 0;
      CREATE INDEX instances_by_status_started ON instances (status, started_at, id, unit_path);
      CREATE INDEX instances_by_definition_started ON instances (definition_key, started_at, id, unit_path);
      CREATE INDEX instances_by_starter ON instances (started_by, started_at, id);

      CREATE TABLE events (
        instance_id text COLLATE "C" NOT NULL REFERENCES instances (id),
        seq integer NOT NULL,
        event json NOT NULL,
        actor text COLLATE "C" NOT NULL,
        at bigint NOT NULL,
        prev_hash text COLLATE "C" NOT NULL,
        hash text COLLATE "C" NOT NULL,
        PRIMARY KEY (instance_id, seq)
      );

      -- business_key is the instance's, copied for the inbox's text filter.
      CREATE TABLE tasks (
        id text COLLATE "C" PRIMARY KEY,
        instance_id text COLLATE "C" NOT NULL REFERENCES instances (id),
        key text COLLATE "C" NOT NULL,
        element_id text COLLATE "C" NOT NULL,
        name text COLLATE "C",
        definition_key text COLLATE "C" NOT NULL,
        unit_path text COLLATE "C" NOT NULL,
        business_key text COLLATE "C",
        status text COLLATE "C" NOT NULL,
        assignee text COLLATE "C",
        owner text COLLATE "C",
        candidate_users text[] NOT NULL,
        candidate_groups text[] NOT NULL,
        due_at bigint,
        follow_up_at bigint,
        priority double precision NOT NULL,
        form_key text COLLATE "C",
        created_at bigint NOT NULL,
        ended_at bigint,
        ended_by text COLLATE "C",
        on_behalf_of text COLLATE "C",
        version integer NOT NULL
      );
      CREATE INDEX tasks_by_instance ON tasks (instance_id);
      CREATE INDEX tasks_open ON tasks (definition_key, unit_path) WHERE status = 'open';
      CREATE INDEX tasks_open_by_due ON tasks (due_at, id) WHERE status = 'open' AND due_at IS NOT NULL;

      -- One row per task and principal who sees it (inbox.ts of the store): its assignee, or
      -- each candidate user and group while it is unclaimed. One index per inbox order, each
      -- led by (principal, status) and ending in unit_path, so a principal's first page is read
      -- in order off the index and the reach is checked inside it.
      CREATE TABLE inbox_entries (
        task_id text COLLATE "C" NOT NULL REFERENCES tasks (id),
        principal text COLLATE "C" NOT NULL,
        status text COLLATE "C" NOT NULL,
        unit_path text COLLATE "C" NOT NULL,
        definition_key text COLLATE "C" NOT NULL,
        due_order bigint NOT NULL,
        priority_order double precision NOT NULL,
        created_at bigint NOT NULL,
        PRIMARY KEY (task_id, principal)
      );
      CREATE INDEX inbox_by_due ON inbox_entries (principal, status, due_order, created_at, task_id, unit_path);
      CREATE INDEX inbox_by_priority ON inbox_entries (principal, status, priority_order, created_at, task_id, unit_path);
      CREATE INDEX inbox_by_created ON inbox_entries (principal, status, created_at, task_id, unit_path);

      -- A job belongs to an instance or, for a timer start event, to a definition (one per
      -- start event). locked_until is NULL when nobody holds the job. Jobs without retries left
      -- wait for an incident to be resolved (incident), or are dead letters (outbox jobs given
      -- up on), so the claim indexes leave them out.
      CREATE TABLE jobs (
        id text COLLATE "C" PRIMARY KEY,
        kind text COLLATE "C" NOT NULL,
        type text COLLATE "C" NOT NULL,
        instance_id text COLLATE "C" REFERENCES instances (id),
        definition_id text COLLATE "C" REFERENCES definitions (id),
        unit_path text COLLATE "C" NOT NULL,
        ref text COLLATE "C" NOT NULL,
        due_at bigint NOT NULL,
        retries integer NOT NULL,
        payload json NOT NULL,
        locked_by text COLLATE "C",
        locked_until bigint,
        last_error text COLLATE "C",
        incident text COLLATE "C",
        created_at bigint NOT NULL,
        CHECK ((instance_id IS NULL) <> (definition_id IS NULL))
      );
      CREATE INDEX jobs_due ON jobs (kind, due_at) WHERE retries > 0;
      CREATE INDEX jobs_external_due ON jobs (type, due_at) WHERE kind = 'external' AND retries > 0;
      CREATE INDEX jobs_by_instance ON jobs (instance_id, ref);
      CREATE INDEX jobs_by_owner ON jobs (locked_by) WHERE locked_by IS NOT NULL;
      CREATE UNIQUE INDEX jobs_of_definition ON jobs (definition_id, ref) WHERE definition_id IS NOT NULL;
      CREATE INDEX jobs_dead ON jobs (type, due_at, id, unit_path) WHERE kind = 'outbox' AND retries = 0 AND incident IS NULL;

      CREATE TABLE subscriptions (
        instance_id text COLLATE "C" NOT NULL REFERENCES instances (id),
        sub text COLLATE "C" NOT NULL,
        kind text COLLATE "C" NOT NULL,
        name text COLLATE "C" NOT NULL,
        correlation_key text COLLATE "C",
        unit_path text COLLATE "C" NOT NULL,
        PRIMARY KEY (instance_id, sub)
      );
      CREATE INDEX subscriptions_by_name ON subscriptions (kind, name, correlation_key, unit_path);

      CREATE TABLE comments (
        id text COLLATE "C" PRIMARY KEY,
        task_id text COLLATE "C" NOT NULL,
        instance_id text COLLATE "C" NOT NULL,
        unit_path text COLLATE "C" NOT NULL,
        author text COLLATE "C" NOT NULL,
        text text COLLATE "C" NOT NULL,
        at bigint NOT NULL
      );
      CREATE INDEX comments_by_task ON comments (task_id, at);

      -- Every server process on every machine reads the same content, so it is kept in the
      -- database, apart from the metadata that lists read.
      CREATE TABLE attachments (
        id text COLLATE "C" PRIMARY KEY,
        task_id text COLLATE "C" NOT NULL,
        instance_id text COLLATE "C" NOT NULL,
        unit_path text COLLATE "C" NOT NULL,
        file_name text COLLATE "C" NOT NULL,
        content_type text COLLATE "C" NOT NULL,
        size bigint NOT NULL,
        sha256 text COLLATE "C" NOT NULL,
        uploaded_by text COLLATE "C" NOT NULL,
        at bigint NOT NULL
      );
      CREATE INDEX attachments_by_task ON attachments (task_id, at);
      CREATE TABLE attachment_contents (
        id text COLLATE "C" PRIMARY KEY REFERENCES attachments (id),
        content bytea NOT NULL
      );

      -- token_hash: SHA-256 of the current refresh token; the token itself is never stored.
      CREATE TABLE sessions (
        id text COLLATE "C" PRIMARY KEY,
        user_id text COLLATE "C" NOT NULL REFERENCES users (id),
        token_hash text COLLATE "C" NOT NULL,
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        revoked_at bigint
      );
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);

      CREATE TABLE notices (
        id text COLLATE "C" PRIMARY KEY,
        instance_id text COLLATE "C" NOT NULL REFERENCES instances (id),
        unit_path text COLLATE "C" NOT NULL,
        element_id text COLLATE "C" NOT NULL,
        title text COLLATE "C" NOT NULL,
        body text COLLATE "C",
        board text COLLATE "C",
        attachments text[],
        posted_at bigint NOT NULL,
        until bigint NOT NULL
      );
      CREATE INDEX notices_current ON notices (unit_path, until);

      CREATE TABLE objections (
        id text COLLATE "C" PRIMARY KEY,
        notice_id text COLLATE "C" NOT NULL REFERENCES notices (id),
        instance_id text COLLATE "C" NOT NULL,
        unit_path text COLLATE "C" NOT NULL,
        content text COLLATE "C" NOT NULL,
        name text COLLATE "C",
        phone text COLLATE "C",
        received_at bigint NOT NULL
      );
      CREATE INDEX objections_by_unit ON objections (unit_path, received_at);

      -- A login limit per account and per address must hold across every process.
      CREATE TABLE attempts (
        key text COLLATE "C" NOT NULL,
        ends_at bigint NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (key, ends_at)
      );
      CREATE INDEX attempts_by_end ON attempts (ends_at);

      -- A user's list and unread count read one index each, newest first.
      CREATE TABLE notifications (
        id text COLLATE "C" PRIMARY KEY,
        user_id text COLLATE "C" NOT NULL,
        kind text COLLATE "C" NOT NULL,
        unit_path text COLLATE "C" NOT NULL,
        instance_id text COLLATE "C",
        task_id text COLLATE "C",
        title text COLLATE "C" NOT NULL,
        body text COLLATE "C",
        from_user text COLLATE "C",
        created_at bigint NOT NULL,
        read_at bigint
      );
      CREATE INDEX notifications_of_user ON notifications (user_id, created_at, id);
      CREATE INDEX notifications_unread ON notifications (user_id, created_at, id) WHERE read_at IS NULL;
      CREATE INDEX notifications_of_instance ON notifications (instance_id, kind, created_at) WHERE instance_id IS NOT NULL;

      -- kinds is NULL for every kind.
      CREATE TABLE webhooks (
        id text COLLATE "C" PRIMARY KEY,
        unit_path text COLLATE "C" NOT NULL,
        url text COLLATE "C" NOT NULL,
        secret text COLLATE "C" NOT NULL,
        kinds text[],
        enabled boolean NOT NULL,
        created_at bigint NOT NULL,
        created_by text COLLATE "C" NOT NULL
      );
      CREATE INDEX webhooks_by_unit ON webhooks (unit_path, created_at);

      -- holidays and workdays are YYYY-MM-DD; forUnit probes the key once per unit above.
      CREATE TABLE calendars (
        unit_path text COLLATE "C" NOT NULL,
        year integer NOT NULL,
        holidays text[] NOT NULL,
        workdays text[] NOT NULL,
        provisional boolean,
        note text COLLATE "C",
        updated_at bigint NOT NULL,
        updated_by text COLLATE "C" NOT NULL,
        PRIMARY KEY (unit_path, year)
      );

      CREATE TABLE delegations (
        id text COLLATE "C" PRIMARY KEY,
        user_id text COLLATE "C" NOT NULL,
        deputy_id text COLLATE "C" NOT NULL,
        from_at bigint NOT NULL,
        until_at bigint NOT NULL,
        definition_key text COLLATE "C",
        reason text COLLATE "C",
        created_at bigint NOT NULL,
        created_by text COLLATE "C" NOT NULL,
        ended_at bigint
      );
      CREATE INDEX delegations_of_user ON delegations (user_id, created_at, id);
      CREATE INDEX delegations_of_deputy ON delegations (deputy_id, created_at, id);

      -- No foreign keys: a publication and an adoption name what they follow by id.
      CREATE TABLE template_versions (
        id text COLLATE "C" PRIMARY KEY,
        template_id text COLLATE "C" NOT NULL,
        version text COLLATE "C" NOT NULL,
        package json NOT NULL,
        imported_at bigint NOT NULL,
        imported_by text COLLATE "C" NOT NULL,
        UNIQUE (template_id, version)
      );

      CREATE TABLE publications (
        id text COLLATE "C" PRIMARY KEY,
        template_id text COLLATE "C" NOT NULL,
        version text COLLATE "C" NOT NULL,
        unit_path text COLLATE "C" NOT NULL,
        bounds json NOT NULL,
        defaults json NOT NULL,
        note text COLLATE "C",
        published_at bigint NOT NULL,
        published_by text COLLATE "C" NOT NULL
      );
      CREATE INDEX publications_by_unit ON publications (unit_path, template_id, published_at);

      -- The unique key led by unit_path: one adoption per template and unit, and within(reach)'s
      -- unit ranges in (unit_path, template_id) order off the same index.
      CREATE TABLE adoptions (
        id text COLLATE "C" PRIMARY KEY,
        template_id text COLLATE "C" NOT NULL,
        unit_path text COLLATE "C" NOT NULL,
        revision integer NOT NULL,
        publication_id text COLLATE "C" NOT NULL,
        overlay json NOT NULL,
        deployments json NOT NULL,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        updated_by text COLLATE "C" NOT NULL,
        CONSTRAINT adoptions_one_per_unit UNIQUE (unit_path, template_id)
      );
    `,
  },
  {
    version: 2,
    name: 'registers and their entries with every revision (SQLite step 17)',
    sql: `
      CREATE TABLE registers (
        unit_path text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        name json NOT NULL,
        form_key text COLLATE "C" NOT NULL,
        key_field text COLLATE "C" NOT NULL,
        declared_by text COLLATE "C" NOT NULL,
        declared_at bigint NOT NULL,
        PRIMARY KEY (unit_path, id)
      );
      -- retired is NULL for a live entry, as the record leaves it out.
      CREATE TABLE register_entries (
        unit_path text COLLATE "C" NOT NULL,
        register text COLLATE "C" NOT NULL,
        key text COLLATE "C" NOT NULL,
        revision integer NOT NULL,
        data json NOT NULL,
        retired boolean,
        at bigint NOT NULL,
        by text COLLATE "C" NOT NULL,
        instance_id text COLLATE "C",
        note text,
        PRIMARY KEY (unit_path, register, key)
      );
      -- Every revision, in the same columns (and collations).
      CREATE TABLE register_revisions (
        LIKE register_entries,
        PRIMARY KEY (unit_path, register, key, revision)
      );
    `,
  },
  {
    version: 3,
    name: 'a version note on definitions (SQLite step 18)',
    sql: 'ALTER TABLE definitions ADD COLUMN note text;',
  },
];

export async function migrate(pg: Postgres, steps: readonly Migration[] = MIGRATIONS): Promise<void> {
  await pg.transaction(async (tx) => {
    // A step may rebuild a large table, and a second process opening the database waits here
    // for the first one's steps: neither is a stuck statement, so the pool's timeout is lifted.
    await tx.run(sql`SET LOCAL statement_timeout = 0`);
    // Held until this transaction ends.
    await tx.run(sql`SELECT pg_advisory_xact_lock(hashtextextended('shanzhi schema', 0))`);
    await tx.run(
      sql`CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`,
    );
    const applied = new Set((await tx.rows<{ version: number }>(sql`SELECT version FROM schema_version`)).map((row) => row.version));
    const current = Math.max(0, ...applied);
    const latest = Math.max(0, ...steps.map((step) => step.version));
    if (current > latest) {
      throw new Error(`the database has schema version ${current}, newer than this Shanzhi knows (${latest}): upgrade Shanzhi`);
    }
    for (const step of [...steps].sort((a, b) => a.version - b.version)) {
      if (applied.has(step.version)) continue;
      // Without parameters pg sends the text as a simple query, which may hold many statements.
      await tx.run(raw(step.sql));
      await tx.run(sql`INSERT INTO schema_version (version, name, applied_at) VALUES (${step.version}, ${step.name}, ${Date.now()})`);
    }
  });
}
