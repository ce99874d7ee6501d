/**
 * A small Prometheus registry: counters with labels, and gauges read when scraped. Text
 * exposition format 0.0.4. Labels carry names and outcomes, never ids or personal data.
 */
type Labels = Readonly<Record<string, string>>;

export interface LabelledValue {
  readonly labels: Labels;
  readonly value: number;
}

interface Family {
  readonly help: string;
  readonly type: 'counter' | 'gauge';
  readonly values: Map<string, number>;
}

export class Metrics {
  private readonly families = new Map<string, Family>();
  private readonly gauges = new Map<string, { help: string; read: () => Promise<number | readonly LabelledValue[] | undefined> }>();

  counter(name: string, help: string): (labels?: Labels, by?: number) => void {
    const family = this.family(name, help, 'counter');
    return (labels = {}, by = 1) => {
      const key = labelText(labels);
      family.values.set(key, (family.values.get(key) ?? 0) + by);
    };
  }

  /** A gauge whose value (or values, by label) is read at scrape time; undefined leaves it out. */
  gauge(name: string, help: string, read: () => Promise<number | readonly LabelledValue[] | undefined>): void {
    this.gauges.set(name, { help, read });
  }

  async text(): Promise<string> {
    const lines: string[] = [];
    for (const [name, f] of this.families) {
      lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} ${f.type}`);
      for (const [labels, value] of f.values) lines.push(`${name}${labels} ${value}`);
    }
    for (const [name, g] of this.gauges) {
      const value = await g.read().catch(() => undefined);
      if (value === undefined) continue;
      lines.push(`# HELP ${name} ${g.help}`, `# TYPE ${name} gauge`);
      if (typeof value === 'number') lines.push(`${name} ${value}`);
      else for (const v of value) lines.push(`${name}${labelText(v.labels)} ${v.value}`);
    }
    return `${lines.join('\n')}\n`;
  }

  private family(name: string, help: string, type: Family['type']): Family {
    let f = this.families.get(name);
    if (!f) {
      f = { help, type, values: new Map() };
      this.families.set(name, f);
    }
    return f;
  }
}

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

/** The server's own instruments, shared by the HTTP layer and the runtime. */
export function serverMetrics(m: Metrics) {
  return {
    registry: m,
    requests: m.counter('shanzhi_http_requests_total', 'HTTP requests answered, by method, route and status.'),
    commands: m.counter('shanzhi_commands_total', 'Engine commands carried out, by command and outcome (ok, rejected, conflict, error).'),
    conflicts: m.counter(
      'shanzhi_commit_conflicts_total',
      'Commits refused because the instance changed meanwhile, by who retried (internal) or answered 409 (user).',
    ),
    jobs: m.counter(
      'shanzhi_worker_jobs_total',
      'Jobs run by the workers (timers, outbox, timer start events), by kind and outcome (done, retry, parked, moot: out of retries with nothing left to act on, or a webhook delivery with no webhook left; dead: a webhook delivery that failed every attempt; lost: taken over).',
    ),
    tasksOpened: m.counter('shanzhi_tasks_opened_total', 'User tasks opened by commits of this process.'),
    tasksClosed: m.counter('shanzhi_tasks_closed_total', 'User tasks closed by commits of this process.'),
    incidents: m.counter('shanzhi_incidents_raised_total', 'Incidents raised, by code.'),
  };
}

export type ServerMetrics = ReturnType<typeof serverMetrics>;
