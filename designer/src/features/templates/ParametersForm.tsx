import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { ApiFailure, api, ok } from '../../shared/api.ts';
import { type FieldError, fieldErrorsOf, SchemaForm } from '../../shared/form/index.ts';
import { Query } from '../../shared/states.tsx';

/**
 * A publication's parameters as the form a unit fills in: the template's schema under the town's
 * bounds and defaults, the unit's own values filled in. The server's refusal (a value past the
 * town's bound) shows on its field.
 */
export function ParametersForm({
  publicationId,
  values,
  submitLabel,
  onSubmit,
}: {
  publicationId: string;
  values: Record<string, unknown>;
  submitLabel: string;
  onSubmit(parameters: Record<string, unknown>): Promise<void>;
}) {
  const t = useT();
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const publication = useQuery({
    queryKey: ['/api/template-publications/{id}', publicationId],
    queryFn: () => ok(api.GET('/api/template-publications/{id}', { params: { path: { id: publicationId } } })),
  });
  async function submit(parameters: Record<string, unknown>) {
    setBusy(true);
    setServerErrors([]);
    setError(undefined);
    try {
      await onSubmit(parameters);
    } catch (e) {
      if (e instanceof ApiFailure) setServerErrors(fieldErrorsOf(e.details));
      setError(e instanceof Error ? e.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Query query={publication}>
      {(p) => (
        <>
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="submit-error" /> : null}
          <SchemaForm
            schema={p.parameters.schema as Record<string, unknown>}
            uiSchema={(p.parameters.uiSchema ?? {}) as Record<string, unknown>}
            values={values}
            serverErrors={serverErrors}
            onSubmit={submit}
            busy={busy}
            submitLabel={submitLabel}
          />
        </>
      )}
    </Query>
  );
}
