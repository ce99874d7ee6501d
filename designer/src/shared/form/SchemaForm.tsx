import Form from '@rjsf/antd';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Button, Space } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { inLanguage } from './language.ts';
import { SubTable } from './SubTable.tsx';
import { errorSchemaOf, type FieldError } from './serverErrors.ts';
import { rjsfStrings } from './strings.ts';
import { validatorFor } from './validator.ts';
import { type FormContext, WIDGETS } from './widgets.tsx';
import './form.css';

/** Fields a uiSchema names with `ui:field`. */
const FIELDS = { table: SubTable };

export interface FieldRule {
  readonly field: string;
  readonly access: 'editable' | 'readonly' | 'hidden' | 'required';
}

export interface SchemaFormProps {
  readonly schema: Record<string, unknown>;
  readonly uiSchema?: Record<string, unknown>;
  readonly values?: Record<string, unknown>;
  /** This step's rules: hidden fields are not shown, read-only ones cannot change, required ones must be filled. */
  readonly rules?: readonly FieldRule[];
  readonly readOnly?: boolean;
  /** Submit without the browser's checks, so the server's own answer can be seen (the form builder's 试提交). */
  readonly noValidate?: boolean;
  /** The server's refusal, shown on the fields it names. */
  readonly serverErrors?: readonly FieldError[];
  readonly upload?: FormContext['upload'];
  onSubmit(values: Record<string, unknown>): void | Promise<void>;
  readonly submitLabel?: string;
  readonly busy?: boolean;
  readonly id?: string;
  readonly children?: ReactNode;
}

/**
 * A choice written as `oneOf: [{ const, title }]` without a `type` (valid JSON Schema, as the
 * server takes it) gets the type of its constants, which rjsf needs to pick a widget.
 */
export function withChoiceTypes(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const node = { ...(schema as Record<string, unknown>) };
  const choices = (node.oneOf ?? node.anyOf) as Record<string, unknown>[] | undefined;
  if (node.type === undefined && Array.isArray(choices) && choices.length > 0 && choices.every((c) => c && 'const' in c)) {
    const types = new Set(choices.map((c) => (typeof c.const === 'number' ? 'number' : typeof c.const)));
    if (types.size === 1) node.type = [...types][0];
  }
  if (node.properties && typeof node.properties === 'object') {
    node.properties = Object.fromEntries(
      Object.entries(node.properties as Record<string, unknown>).map(([k, v]) => [k, withChoiceTypes(v)]),
    );
  }
  if (node.items) node.items = withChoiceTypes(node.items);
  return node;
}

/** The step's view of the form: the schema with its required fields added and its ui with the read-only ones. */
export function stepSchemas(schema: Record<string, unknown>, uiSchema: Record<string, unknown>, rules: readonly FieldRule[]) {
  const typed = withChoiceTypes(schema) as Record<string, unknown>;
  const properties = { ...((typed.properties as Record<string, unknown> | undefined) ?? {}) };
  const hidden = new Set(rules.filter((r) => r.access === 'hidden').map((r) => r.field));
  for (const field of hidden) delete properties[field];
  const required = new Set([
    ...((schema.required as string[] | undefined) ?? []),
    ...rules.filter((r) => r.access === 'required').map((r) => r.field),
  ]);
  const ui: Record<string, unknown> = { ...uiSchema };
  for (const r of rules.filter((r) => r.access === 'readonly'))
    ui[r.field] = { ...((ui[r.field] as object | undefined) ?? {}), 'ui:readonly': true };
  if (Array.isArray(ui['ui:order'])) ui['ui:order'] = [...(ui['ui:order'] as string[]).filter((f) => !hidden.has(f)), '*'];
  return {
    schema: { ...typed, properties, required: [...required].filter((f) => f in properties) } as RJSFSchema,
    uiSchema: ui as UiSchema,
  };
}

/**
 * Every form of every procedure: rjsf with the antd theme, the Chinese field types, the server's
 * checks and messages in the chosen language. The form's own words (titles, options) are the
 * author's and marked so; the buttons and messages around them are ours.
 */
export function SchemaForm(props: SchemaFormProps) {
  const { t, language } = useI18n();
  const { schema, uiSchema } = useMemo(() => {
    const read = inLanguage(props.schema, props.uiSchema ?? {}, language);
    return stepSchemas(read.schema, read.uiSchema, props.rules ?? []);
  }, [props.schema, props.uiSchema, props.rules, language]);
  const extraErrors = useMemo(() => (props.serverErrors?.length ? errorSchemaOf(props.serverErrors) : undefined), [props.serverErrors]);
  const context: FormContext = props.upload ? { upload: props.upload } : {};
  return (
    <div className="sz-form" translate="no">
      <Form
        id={props.id}
        schema={schema}
        uiSchema={{ ...uiSchema, 'ui:submitButtonOptions': { norender: true } }}
        formData={props.values}
        validator={validatorFor(language)}
        widgets={WIDGETS}
        fields={FIELDS}
        formContext={context}
        translateString={rjsfStrings(t, language)}
        extraErrors={extraErrors}
        showErrorList={false}
        disabled={props.readOnly}
        noHtml5Validate
        noValidate={props.noValidate}
        omitExtraData
        liveOmit
        onSubmit={({ formData }) => props.onSubmit((formData ?? {}) as Record<string, unknown>)}
      >
        {props.readOnly ? (
          <span />
        ) : (
          <Space translate="yes" style={{ marginTop: 8 }}>
            <Button type="primary" htmlType="submit" loading={props.busy} data-testid="form-submit">
              {props.submitLabel ?? t('app.submit')}
            </Button>
            {props.children}
          </Space>
        )}
      </Form>
    </div>
  );
}
