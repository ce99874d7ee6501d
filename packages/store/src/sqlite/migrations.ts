import type Database from 'better-sqlite3';

/**
 * The schema, as numbered steps. A step, once released, never changes: later changes are new
 * steps. `migrate` applies, in version order and in one transaction, each step `schema_version`
 * does not record, so it is safe at every start and by several processes at once. Steps are
 * told apart by version, not by being below the highest: work on branches takes numbers ahead of
 * one another, and a step that lands after a higher one still runs.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'directory, definitions, instances, inbox, jobs, subscriptions, events, comments, attachments',
    sql: `
      CREATE TABLE units (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT,
        disabled INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE role_grants (
        user_id TEXT NOT NULL,
        role TEXT NOT NULL,
        unit_path TEXT NOT NULL,
        PRIMARY KEY (user_id, role, unit_path)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX role_grants_by_unit ON role_grants (role, unit_path);

      CREATE TABLE definitions (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        unit_path TEXT NOT NULL,
        name TEXT,
        xml TEXT NOT NULL,
        deployed_at INTEGER NOT NULL,
        deployed_by TEXT NOT NULL,
        UNIQUE (key, unit_path, version)
      ) STRICT;
      CREATE INDEX definitions_by_unit ON definitions (unit_path, key, version);

      -- state is the engine's InstanceState as JSON; chain_seq and chain_hash are the head of
      -- the instance's event chain, so a commit extends it without reading events.
      CREATE TABLE instances (
        id TEXT PRIMARY KEY,
        definition_id TEXT NOT NULL,
        definition_key TEXT NOT NULL,
        unit_path TEXT NOT NULL,
        business_key TEXT,
        status TEXT NOT NULL,
        version INTEGER NOT NULL,
        state TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        started_by TEXT NOT NULL,
        ended_at INTEGER,
        parent_id TEXT,
        incidents INTEGER NOT NULL,
        chain_seq INTEGER NOT NULL,
        chain_hash TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX instances_business_key ON instances (definition_key, unit_path, business_key) WHERE business_key IS NOT NULL;
      CREATE INDEX instances_by_unit ON instances (unit_path, started_at);
      CREATE INDEX instances_by_status ON instances (status, unit_path, started_at);
      CREATE INDEX instances_by_definition ON instances (definition_key, unit_path, started_at);
      CREATE INDEX instances_with_incidents ON instances (unit_path, started_at) WHERE incidents > 0;

      CREATE TABLE events (
        instance_id TEXT NOT NULL REFERENCES instances (id),
        seq INTEGER NOT NULL,
        event TEXT NOT NULL,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (instance_id, seq)
      ) STRICT;

      -- business_key is the instance's, copied for the inbox's text filter.
      CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances (id),
        key TEXT NOT NULL,
        element_id TEXT NOT NULL,
        name TEXT,
        definition_key TEXT NOT NULL,
        unit_path TEXT NOT NULL,
        business_key TEXT,
        status TEXT NOT NULL,
        assignee TEXT,
        candidate_users TEXT NOT NULL,
        candidate_groups TEXT NOT NULL,
        due_at INTEGER,
        follow_up_at INTEGER,
        priority REAL NOT NULL,
        form_key TEXT,
        created_at INTEGER NOT NULL,
        ended_at INTEGER,
        ended_by TEXT,
        version INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX tasks_by_instance ON tasks (instance_id);

      -- One row per task and principal who sees it (see inbox.ts): its assignee, or each
      -- candidate user and group while it is unclaimed. One index per inbox order, each led by
      -- (principal, status) and ending in unit_path, so a principal's first page is read in
      -- order straight off the index and the reach is checked without touching the table.
      CREATE TABLE inbox_entries (
        task_id TEXT NOT NULL REFERENCES tasks (id),
        principal TEXT NOT NULL,
        status TEXT NOT NULL,
        unit_path TEXT NOT NULL,
        definition_key TEXT NOT NULL,
        due_order INTEGER NOT NULL,
        priority_order REAL NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (task_id, principal)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX inbox_by_due ON inbox_entries (principal, status, due_order, created_at, task_id, unit_path);
      CREATE INDEX inbox_by_priority ON inbox_entries (principal, status, priority_order, created_at, task_id, unit_path);
      CREATE INDEX inbox_by_created ON inbox_entries (principal, status, created_at, task_id, unit_path);

      -- locked_until is NULL when nobody holds the job. Jobs without retries left wait for an
      -- incident to be resolved, so the claim indexes leave them out.
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        type TEXT NOT NULL,
        instance_id TEXT NOT NULL REFERENCES instances (id),
        unit_path TEXT NOT NULL,
        ref TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        retries INTEGER NOT NULL,
        payload TEXT NOT NULL,
        locked_by TEXT,
        locked_until INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX jobs_due ON jobs (kind, due_at) WHERE retries > 0;
      CREATE INDEX jobs_external_due ON jobs (type, due_at) WHERE kind = 'external' AND retries > 0;
      CREATE INDEX jobs_by_instance ON jobs (instance_id, ref);
      CREATE INDEX jobs_by_owner ON jobs (locked_by) WHERE locked_by IS NOT NULL;

      CREATE TABLE subscriptions (
        instance_id TEXT NOT NULL REFERENCES instances (id),
        sub TEXT NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        correlation_key TEXT,
        unit_path TEXT NOT NULL,
        PRIMARY KEY (instance_id, sub)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX subscriptions_by_name ON subscriptions (kind, name, correlation_key, unit_path);

      CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        task_id TEXT NOT NULL,
        instance_id TEXT NOT NULL,
        unit_path TEXT NOT NULL,
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX comments_by_task ON comments (task_id, at);

      -- The content is a file in the folder beside the database (attachments.ts).
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        task_id TEXT NOT NULL,
        instance_id TEXT NOT NULL,
        unit_path TEXT NOT NULL,
        file_name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        uploaded_by TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX attachments_by_task ON attachments (task_id, at);
    `,
  },
  {
    version: 2,
    name: 'task owners and open counts, definition jobs and parked jobs, user lists, sessions, notices',
    sql: `
      ALTER TABLE tasks ADD COLUMN owner TEXT;
      CREATE INDEX tasks_open ON tasks (definition_key, unit_path) WHERE status = 'open';

      -- A job belongs to an instance or, for a timer start event, to a definition (one per
      -- start event). incident: the incident a job out of retries waits for. SQLite cannot
      -- relax a NOT NULL column, so the table is rebuilt.
      CREATE TABLE jobs_v2 (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        type TEXT NOT NULL,
        instance_id TEXT REFERENCES instances (id),
        definition_id TEXT REFERENCES definitions (id),
        unit_path TEXT NOT NULL,
        ref TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        retries INTEGER NOT NULL,
        payload TEXT NOT NULL,
        locked_by TEXT,
        locked_until INTEGER,
        last_error TEXT,
        incident TEXT,
        created_at INTEGER NOT NULL,
        CHECK ((instance_id IS NULL) <> (definition_id IS NULL))
      ) STRICT;
      INSERT INTO jobs_v2 (id, kind, type, instance_id, unit_path, ref, due_at, retries, payload, locked_by, locked_until, last_error, created_at)
        SELECT id, kind, type, instance_id, unit_path, ref, due_at, retries, payload, locked_by, locked_until, last_error, created_at FROM jobs;
      DROP TABLE jobs;
      ALTER TABLE jobs_v2 RENAME TO jobs;
      CREATE INDEX jobs_due ON jobs (kind, due_at) WHERE retries > 0;
      CREATE INDEX jobs_external_due ON jobs (type, due_at) WHERE kind = 'external' AND retries > 0;
      CREATE INDEX jobs_by_instance ON jobs (instance_id, ref);
      CREATE INDEX jobs_by_owner ON jobs (locked_by) WHERE locked_by IS NOT NULL;
      CREATE UNIQUE INDEX jobs_of_definition ON jobs (definition_id, ref) WHERE definition_id IS NOT NULL;

      CREATE INDEX role_grants_by_path ON role_grants (unit_path, user_id);

      -- token_hash: SHA-256 of the current refresh token; the token itself is never stored.
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id),
        token_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      ) STRICT;
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);

      CREATE TABLE notices (
        id TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL REFERENCES instances (id),
        unit_path TEXT NOT NULL,
        element_id TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT,
        board TEXT,
        posted_at INTEGER NOT NULL,
        until INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX notices_current ON notices (unit_path, until);
    `,
  },
  {
    version: 3,
    name: 'instance lists in start order across many units',
    // Equality on status or definition, then start order: a list over a town or the district
    // reads the newest rows in index order and checks the unit range inside the index, instead
    // of sorting every instance in reach.
    sql: `
      CREATE INDEX instances_by_status_started ON instances (status, started_at, id, unit_path);
      CREATE INDEX instances_by_definition_started ON instances (definition_key, started_at, id, unit_path);
    `,
  },
  {
    version: 4,
    name: 'attempt counters shared by server processes',
    // A login limit per account and per address must hold across every process on the file.
    sql: `
      CREATE TABLE attempts (
        key TEXT NOT NULL,
        ends_at INTEGER NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (key, ends_at)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX attempts_by_end ON attempts (ends_at);
    `,
  },
  {
    version: 5,
    name: 'no index for role holders at one unit',
    // Candidate groups are matched through the inbox's principals; nothing looks up a role's holders at one unit.
    sql: 'DROP INDEX role_grants_by_unit;',
  },
  {
    version: 6,
    name: 'events clustered by instance and sequence',
    // Events are only ever read by (instance, seq): kept in that key's own B-tree, each event is
    // written once, where a rowid table wrote it twice (the row, then its key in the index).
    sql: `
      CREATE TABLE events_v2 (
        instance_id TEXT NOT NULL REFERENCES instances (id),
        seq INTEGER NOT NULL,
        event TEXT NOT NULL,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (instance_id, seq)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO events_v2 SELECT instance_id, seq, event, actor, at, prev_hash, hash FROM events;
      DROP TABLE events;
      ALTER TABLE events_v2 RENAME TO events;
    `,
  },
  {
    version: 7,
    name: 'forms, and the forms a definition pins',
    // Forms are versioned per key and unit like definitions, and read the same ways. schema and
    // ui_schema are JSON text; a definition's forms (form key -> form id) too, NULL when it pins none.
    sql: `
      CREATE TABLE forms (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        unit_path TEXT NOT NULL,
        title TEXT NOT NULL,
        schema TEXT NOT NULL,
        ui_schema TEXT,
        deployed_at INTEGER NOT NULL,
        deployed_by TEXT NOT NULL,
        UNIQUE (key, unit_path, version)
      ) STRICT;
      CREATE INDEX forms_by_unit ON forms (unit_path, key, version);

      ALTER TABLE definitions ADD COLUMN forms TEXT;
    `,
  },
  {
    version: 8,
    name: 'notifications, webhooks and their dead letters, role holders at one unit',
    // A user's list and unread count read one index each, newest first. Webhooks are looked up by
    // the unit and the units above it; kinds is a JSON array, NULL for every kind. A webhook
    // delivery that gave up stays in jobs (out of retries, with no incident) as a dead letter.
    // Notifying a group task's members looks up a role's holders at one unit again (see step 5).
    sql: `
      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        unit_path TEXT NOT NULL,
        instance_id TEXT,
        task_id TEXT,
        title TEXT NOT NULL,
        body TEXT,
        created_at INTEGER NOT NULL,
        read_at INTEGER
      ) STRICT;
      CREATE INDEX notifications_of_user ON notifications (user_id, created_at, id);
      CREATE INDEX notifications_unread ON notifications (user_id, created_at, id) WHERE read_at IS NULL;

      CREATE TABLE webhooks (
        id TEXT PRIMARY KEY,
        unit_path TEXT NOT NULL,
        url TEXT NOT NULL,
        secret TEXT NOT NULL,
        kinds TEXT,
        enabled INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX webhooks_by_unit ON webhooks (unit_path, created_at);

      CREATE INDEX jobs_dead ON jobs (type, due_at, id, unit_path) WHERE kind = 'outbox' AND retries = 0 AND incident IS NULL;

      CREATE INDEX role_grants_by_role ON role_grants (role, unit_path, user_id);
    `,
  },
  {
    version: 9,
    name: 'working-day calendars per unit and year',
    // holidays and workdays are JSON arrays of YYYY-MM-DD; forUnit probes the key once per unit above.
    sql: `
      CREATE TABLE calendars (
        unit_path TEXT NOT NULL,
        year INTEGER NOT NULL,
        holidays TEXT NOT NULL,
        workdays TEXT NOT NULL,
        provisional INTEGER,
        note TEXT,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (unit_path, year)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 10,
    name: 'away delegations, and whom a deputy’s task is for',
    // from and until are SQL words, hence from_at and until_at. activeFor reads a user's
    // delegations newest first; ofUser reads them as delegator and as deputy.
    sql: `
      CREATE TABLE delegations (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        deputy_id TEXT NOT NULL,
        from_at INTEGER NOT NULL,
        until_at INTEGER NOT NULL,
        definition_key TEXT,
        reason TEXT,
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        ended_at INTEGER
      ) STRICT;
      CREATE INDEX delegations_of_user ON delegations (user_id, created_at, id);
      CREATE INDEX delegations_of_deputy ON delegations (deputy_id, created_at, id);

      ALTER TABLE tasks ADD COLUMN on_behalf_of TEXT;
    `,
  },
  {
    version: 11,
    name: 'notifications by instance',
    // An instance's copies (抄送) and who read them; a copied user's access to the instance.
    sql: `CREATE INDEX notifications_of_instance ON notifications (instance_id, kind, created_at) WHERE instance_id IS NOT NULL;`,
  },
  {
    version: 12,
    name: 'open tasks by due time',
    // The reminders (due soon, overdue) read the open tasks falling due in a window.
    sql: `CREATE INDEX tasks_open_by_due ON tasks (due_at, id) WHERE status = 'open' AND due_at IS NOT NULL;`,
  },
  {
    version: 13,
    name: 'objections, instances by starter',
    // Villagers' objections to public notices; 我发起的 lists a user's own instances, newest first.
    sql: `
      CREATE TABLE objections (
        id TEXT PRIMARY KEY,
        notice_id TEXT NOT NULL REFERENCES notices (id),
        instance_id TEXT NOT NULL,
        unit_path TEXT NOT NULL,
        content TEXT NOT NULL,
        name TEXT,
        phone TEXT,
        received_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX objections_by_unit ON objections (unit_path, received_at);
      CREATE INDEX instances_by_starter ON instances (started_by, started_at, id);
    `,
  },
  {
    version: 14,
    name: 'who sent a notification',
    // 抄送 and 催办 are a person's acts: the reader sees who copied or urged them.
    sql: 'ALTER TABLE notifications ADD COLUMN from_user TEXT;',
  },
  {
    version: 15,
    name: 'templates, publications, adoptions, definition variables',
    // A template version is kept as imported (package JSON), one per template and semver. A town's
    // publications are read by the unit and the units above it (publicationsFor) or by unit range,
    // newest first; a unit adopts a template once, read by the key and by unit range. overlay,
    // bounds, defaults and deployments are JSON text; a definition's start variables too, NULL
    // when it has none. No foreign keys: a publication and an adoption name what they follow by id.
    sql: `
      ALTER TABLE definitions ADD COLUMN variables TEXT;

      CREATE TABLE template_versions (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        version TEXT NOT NULL,
        package TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        imported_by TEXT NOT NULL,
        UNIQUE (template_id, version)
      ) STRICT;

      CREATE TABLE publications (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        version TEXT NOT NULL,
        unit_path TEXT NOT NULL,
        bounds TEXT NOT NULL,
        defaults TEXT NOT NULL,
        note TEXT,
        published_at INTEGER NOT NULL,
        published_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX publications_by_unit ON publications (unit_path, template_id, published_at);

      -- UNIQUE led by unit_path: one adoption per template and unit, and within(reach)'s unit
      -- ranges in (unit_path, template_id) order off the same index.
      CREATE TABLE adoptions (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        unit_path TEXT NOT NULL,
        revision INTEGER NOT NULL,
        publication_id TEXT NOT NULL,
        overlay TEXT NOT NULL,
        deployments TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        UNIQUE (unit_path, template_id)
      ) STRICT;
    `,
  },
  {
    version: 16,
    name: 'attachments posted with notices',
    sql: 'ALTER TABLE notices ADD COLUMN attachments TEXT;',
  },
  {
    version: 17,
    name: 'registers and their entries with every revision',
    sql: `
      CREATE TABLE registers (
        unit_path TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        form_key TEXT NOT NULL,
        key_field TEXT NOT NULL,
        declared_by TEXT NOT NULL,
        declared_at INTEGER NOT NULL,
        PRIMARY KEY (unit_path, id)
      ) STRICT;

      -- The newest revision of each entry, for lists in key order; the history beside it.
      CREATE TABLE register_entries (
        unit_path TEXT NOT NULL,
        register TEXT NOT NULL,
        key TEXT NOT NULL,
        revision INTEGER NOT NULL,
        data TEXT NOT NULL,
        retired INTEGER NOT NULL,
        at INTEGER NOT NULL,
        by TEXT NOT NULL,
        instance_id TEXT,
        note TEXT,
        PRIMARY KEY (unit_path, register, key)
      ) STRICT;
      CREATE TABLE register_revisions (
        unit_path TEXT NOT NULL,
        register TEXT NOT NULL,
        key TEXT NOT NULL,
        revision INTEGER NOT NULL,
        data TEXT NOT NULL,
        retired INTEGER NOT NULL,
        at INTEGER NOT NULL,
        by TEXT NOT NULL,
        instance_id TEXT,
        note TEXT,
        PRIMARY KEY (unit_path, register, key, revision)
      ) STRICT;
    `,
  },
  {
    version: 18,
    name: 'a version note on definitions',
    sql: 'ALTER TABLE definitions ADD COLUMN note TEXT;',
  },
];

export function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT',
    );
    const applied = new Set((db.prepare('SELECT version FROM schema_version').all() as { version: number }[]).map((r) => r.version));
    const current = Math.max(0, ...applied);
    const latest = Math.max(0, ...MIGRATIONS.map((m) => m.version));
    if (current > latest) {
      throw new Error(`the database has schema version ${current}, newer than this Shanzhi knows (${latest}): upgrade Shanzhi`);
    }
    const record = db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)');
    for (const step of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
      if (applied.has(step.version)) continue;
      db.exec(step.sql);
      record.run(step.version, step.name, Date.now());
    }
  }).immediate();
}

/** 0 for a database no migration has touched. */
export function schemaVersion(db: Database.Database): number {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get() !== undefined;
  if (!hasTable) return 0;
  const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as { version: number | null };
  return row.version ?? 0;
}
