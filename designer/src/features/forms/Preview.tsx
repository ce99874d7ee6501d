import { useMutation } from '@tanstack/react-query';
import { Alert, Card } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { type FieldError, type FieldRule, SchemaForm } from '../../shared/form/index.ts';
import { Nothing } from '../../shared/states.tsx';
import type { Definition } from './model.ts';
import { StepRules } from './StepRules.tsx';

/** What 试提交 sends: the form as it stands (not yet published, so any key and version 1) and the preview's data. */
function validate(definition: Definition, title: string, rules: FieldRule[], data: Record<string, unknown>, lang: 'zh-CN' | 'en') {
  return ok(
    api.POST('/api/forms/validate', {
      body: { form: { key: 'preview', version: 1, title: title || 'preview', ...definition }, data, rules, lang },
    }),
  );
}

/** The form's top-level fields, which a step's rules name. */
function topFields(definition: Definition) {
  const properties = (definition.schema.properties ?? {}) as Record<string, { title?: unknown }>;
  return Object.entries(properties).map(([name, s]) => ({ name, title: typeof s?.title === 'string' ? s.title : '' }));
}

/**
 * 预览: the form as a clerk will fill it, drawn by the task page's own renderer; 试提交 sends
 * what was typed to the server's validation, unchecked by the browser, and shows its answer on
 * the fields. An answer is shown only for the form and rules it was given. Field rules let the
 * designer see the form as one step of a procedure will show it.
 */
export function Preview({ definition, title }: { definition: Definition; title: string }) {
  const { t, language } = useI18n();
  const fields = topFields(definition);
  const [chosen, setRules] = useState<FieldRule[]>([]);
  const rules = chosen.filter((r) => fields.some((f) => f.name === r.field));
  const current = JSON.stringify([definition, rules]);
  const check = useMutation({
    mutationFn: async (data: Record<string, unknown>) => ({
      form: current,
      answer: await validate(definition, title, rules, data, language),
    }),
  });
  const answer = check.data?.form === current ? check.data.answer : undefined;
  const errors: FieldError[] = answer?.errors ?? [];
  return (
    <Card size="small" title={t('forms.preview')} data-testid="preview">
      {fields.length === 0 ? (
        <Nothing>{t('forms.previewEmpty')}</Nothing>
      ) : (
        <>
          <StepRules fields={fields} rules={rules} onChange={setRules} />
          <SchemaForm
            schema={definition.schema}
            uiSchema={definition.uiSchema}
            rules={rules}
            serverErrors={errors}
            noValidate
            submitLabel={t('forms.testSubmit')}
            busy={check.isPending}
            onSubmit={(data) => check.mutate(data)}
          />
        </>
      )}
      {answer ? (
        <Alert
          style={{ marginTop: 12 }}
          type={answer.ok ? 'success' : 'error'}
          showIcon
          data-testid="test-result"
          message={answer.ok ? t('forms.testPassed') : t('forms.testFailed', { count: answer.errors.length })}
        />
      ) : null}
      {check.error ? (
        <Alert style={{ marginTop: 12 }} type="error" showIcon message={check.error.message} data-testid="test-result" />
      ) : null}
    </Card>
  );
}
