import { type Lang, type SubmissionError, validateSubmission } from '@shanzhi/forms';
import type { RegisterEntryRecord, RegisterRecord, RegisterWrite, Store } from '@shanzhi/store';
import { fieldText } from '../../errors/fieldProblems.ts';
import { invalidRequest } from '../../errors.ts';
import type { Forms, LoadedForm } from '../forms.ts';
import { formInvalid } from '../submissions.ts';

/** What a procedure declares of a register it keeps (a template's manifest names them). */
export interface RegisterDeclaration {
  readonly id: string;
  readonly name: RegisterRecord['name'];
  readonly formKey: string;
  readonly keyField: string;
}

/** Why data is no entry of a register: which field, in words, per field. */
export class EntryInvalid extends Error {
  constructor(
    readonly register: string,
    readonly errors: readonly SubmissionError[],
  ) {
    super(`register ${register}: ${errors.map((e) => `${e.label ?? e.field}：${e.message}`).join('；')}`);
  }
}

/** Who writes, and why: a user by hand, or a procedure's step. */
export interface Writer {
  readonly by: string;
  readonly at: number;
  readonly instanceId?: string;
  readonly note?: string;
}

/** A whole register is read at most this far (a village's houses, a covenant's clauses); beyond it, ask by key. */
export const MAX_REGISTER_READ = 1_000;

/**
 * The registers units keep (台账): declared by the procedures that write them, each entry the data
 * of the register's form (the newest version deployed at the unit), validated like a form
 * submission before it is stored, with its key read from the register's key field.
 */
export class Registers {
  constructor(private readonly deps: { store: Store; forms: Forms }) {}

  /** The entry under `key`, unless there is none or it was taken off the register. */
  async liveEntry(register: RegisterRecord, key: string): Promise<RegisterEntryRecord | undefined> {
    const entry = await this.deps.store.registers.entry(register.unitPath, register.id, key);
    return entry?.retired ? undefined : entry;
  }

  async declare(unitPath: string, declarations: readonly RegisterDeclaration[], declaredBy: string, now: number): Promise<void> {
    for (const d of declarations) await this.deps.store.registers.declare({ ...d, unitPath, declaredBy, declaredAt: now });
  }

  /** The register kept at the unit, or undefined. */
  register(unitPath: string, id: string): Promise<RegisterRecord | undefined> {
    return this.deps.store.registers.byId(unitPath, id);
  }

  /** The register's form as it stands at the unit; a register whose form was never deployed there is a mistake of its procedure. */
  async form(register: RegisterRecord): Promise<LoadedForm> {
    const record = await this.deps.store.forms.nearest(register.formKey, register.unitPath);
    const loaded = record && (await this.deps.forms.byId(record.id));
    if (!loaded) throw new Error(`register ${register.id} at ${register.unitPath}: its form ${register.formKey} is not deployed there`);
    return loaded;
  }

  /**
   * Data checked against the register's form (read once by the caller for all the entries it
   * writes), as the write of its entry; EntryInvalid names each field at fault.
   */
  entryOf(register: RegisterRecord, { form }: LoadedForm, data: unknown, writer: Writer, lang: Lang = 'zh-CN'): RegisterWrite {
    const result = validateSubmission(form, [], data, { lang, closed: true });
    if (!result.ok) throw new EntryInvalid(register.id, result.errors);
    const key = result.value[register.keyField];
    if (key === undefined || key === null || String(key).trim() === '') {
      const label = fieldTitles(form.schema)[register.keyField] ?? register.keyField;
      throw new EntryInvalid(register.id, [{ field: register.keyField, label, code: 'required', message: '必填，台账以它为记录编号' }]);
    }
    return {
      unitPath: register.unitPath,
      register: register.id,
      key: String(key),
      data: result.value,
      at: writer.at,
      by: writer.by,
      ...(writer.instanceId === undefined ? {} : { instanceId: writer.instanceId }),
      ...(writer.note === undefined ? {} : { note: writer.note }),
    };
  }

  /** Every live entry, up to MAX_REGISTER_READ; more is an error naming the register. */
  async all(register: RegisterRecord): Promise<RegisterEntryRecord[]> {
    const entries: RegisterEntryRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.registers.entries({
        unitPath: register.unitPath,
        register: register.id,
        limit: 500,
        ...(cursor ? { cursor } : {}),
      });
      entries.push(...page.items);
      cursor = page.next;
      if (entries.length > MAX_REGISTER_READ) {
        throw new Error(`register ${register.id} at ${register.unitPath} has more than ${MAX_REGISTER_READ} entries: read one by its key`);
      }
    } while (cursor !== undefined);
    return entries;
  }

  /** A person's write through the API, over the revision they read (null: a new entry). */
  async put(
    register: RegisterRecord,
    data: unknown,
    writer: Writer,
    expected: { key?: string; revision: number | null },
    lang: Lang,
  ): Promise<RegisterEntryRecord> {
    let write: RegisterWrite;
    try {
      write = this.entryOf(register, await this.form(register), data, writer, lang);
    } catch (error) {
      if (error instanceof EntryInvalid) throw formInvalid(error.errors, lang);
      throw error;
    }
    if (expected.key !== undefined && write.key !== expected.key) {
      throw invalidRequest([{ field: `body.data.${register.keyField}`, message: fieldText('registerKey', { key: expected.key }) }]);
    }
    return this.deps.store.registers.put(write, expected.revision);
  }

  /** Takes an entry off the register (its history stays), over the revision the person read. */
  async retire(entry: RegisterEntryRecord, writer: Writer, revision: number): Promise<RegisterEntryRecord> {
    const { revision: _read, ...rest } = entry;
    return this.deps.store.registers.put({ ...rest, retired: true, ...writer }, revision);
  }
}

/** The titles a form gives its top-level fields, by name: how a person reads them. */
export function fieldTitles(schema: Readonly<Record<string, unknown>>): Record<string, string> {
  const properties = (schema.properties ?? {}) as Record<string, { title?: unknown }>;
  return Object.fromEntries(
    Object.entries(properties).flatMap(([name, s]) => (typeof s?.title === 'string' ? [[name, s.title] as const] : [])),
  );
}
