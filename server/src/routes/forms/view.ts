import type { Vars } from '@shanzhi/engine';
import { stepView } from '@shanzhi/forms';
import type { FormRecord } from '@shanzhi/store';
import type { BoundForm } from '../../runtime/submissions.ts';
import { iso } from '../common.ts';

/** A form definition as the API lists it (schemas.ts `FormSummary`). */
export function formSummary(f: FormRecord) {
  return {
    id: f.id,
    key: f.key,
    version: f.version,
    unitPath: f.unitPath,
    title: f.title,
    deployedAt: iso(f.deployedAt) as string,
    deployedBy: f.deployedBy,
  };
}

/** A step's form for the person asking (schemas.ts `StepForm`): what they see of it, and whether they may submit it. */
export function stepFormView(bound: BoundForm, current: Vars, editable: boolean) {
  const { record, form } = bound.loaded;
  return {
    form: { id: record.id, key: record.key, version: record.version, title: record.title },
    ...stepView(form, bound.rules, current),
    // A hidden field's rule would name it: only the rules of fields shown go out.
    rules: bound.rules.filter((r) => r.access !== 'hidden'),
    editable,
  };
}
