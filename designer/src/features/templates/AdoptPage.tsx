import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Space } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { useUnitNames } from '../../shared/names.ts';
import { ParametersForm } from './ParametersForm.tsx';
import { ProcedureDiagram } from './ProcedureDiagram.tsx';

/** Adopt a published template for one of my units: its parameters, then deployed as the unit's own procedure. */
export function AdoptPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const unit = params.get('unit') ?? '';
  const unitName = useUnitNames();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('templates.procedure')} data-testid="procedure-preview">
        <ProcedureDiagram publicationId={id} unit={unit} />
      </Card>
      <Card
        title={
          <>
            {t('templates.adoptTitle')} <span translate="no">{unitName(unit)}</span>
          </>
        }
      >
        <ParametersForm
          publicationId={id}
          values={{}}
          submitLabel={t('templates.adoptSubmit')}
          onSubmit={async (parameters) => {
            const adoption = await ok(api.POST('/api/adoptions', { body: { publicationId: id, unit, overlay: { parameters } } }));
            await queryClient.invalidateQueries({ queryKey: ['/api/adoptions'] });
            message.success(t('templates.deployed'));
            navigate(`/templates/adoptions/${adoption.id}`);
          }}
        />
      </Card>
    </Space>
  );
}
