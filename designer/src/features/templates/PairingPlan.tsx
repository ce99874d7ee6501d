import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { api, ok, type Success } from '../../shared/api.ts';
import { useUnitNames } from '../../shared/names.ts';
import { useSession } from '../../shared/session.tsx';
import { Nothing, Query } from '../../shared/states.tsx';

type Planned = Success<'/api/pairings/plan', 'post'>['pairs'];
type PlanInput = {
  branches: { branch: string; members: string[] }[];
  villagesPerBranch: number;
  villagesPerMember: number;
};

/**
 * 结对安排 for a town administrator: the pairing register of the town's villages as they stand,
 * and a plan from the town's branches and members within its limits, previewed as a table, then
 * applied to every village (each village's adoption is customised; the next Tuesday takes it).
 */
export function PairingPlan() {
  const t = useT();
  const { message } = App.useApp();
  const unitName = useUnitNames();
  const queryClient = useQueryClient();
  const { me } = useSession();
  const towns = [...new Set((me?.grants ?? []).filter((g) => g.role === 'town-admin').map((g) => g.unitPath))];
  const [town, setTown] = useState<string | undefined>(towns[0]);
  const [form] = Form.useForm<PlanInput>();
  const [planned, setPlanned] = useState<Planned>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const register = useQuery({
    queryKey: ['/api/pairings', town],
    enabled: town !== undefined,
    queryFn: () => ok(api.GET('/api/pairings', { params: { query: { unit: town as string } } })),
  });
  if (!town) return <Nothing>{t('pairing.noTown')}</Nothing>;

  async function plan(apply: boolean) {
    const input = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await ok(api.POST('/api/pairings/plan', { body: { unit: town as string, ...input, apply } }));
      setPlanned(answer.pairs);
      if (apply) {
        message.success(t('pairing.applied'));
        await queryClient.invalidateQueries({ queryKey: ['/api/pairings', town] });
      }
    } catch (e) {
      setPlanned(undefined);
      setError(e instanceof Error ? e.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  const pairColumns = [
    { title: t('pairing.village'), dataIndex: 'name', render: (name: string) => <span translate="no">{name}</span> },
    { title: t('pairing.townBranch'), dataIndex: ['pair', 'townBranch'], render: (v: string) => <span translate="no">{v}</span> },
    { title: t('pairing.townMember'), dataIndex: ['pair', 'townMember'], render: (v: string) => <span translate="no">{v}</span> },
    { title: t('pairing.villageBranch'), dataIndex: ['pair', 'villageBranch'], render: (v: string) => <span translate="no">{v}</span> },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('pairing.register')}
        extra={
          towns.length > 1 ? (
            <Select
              value={town}
              onChange={setTown}
              options={towns.map((u) => ({ value: u, label: <span translate="no">{unitName(u)}</span> }))}
            />
          ) : null
        }
      >
        <Query query={register}>
          {({ items }) => (
            <Table
              rowKey="unitPath"
              size="small"
              pagination={false}
              data-testid="pairing-register"
              dataSource={items.flatMap((v) => v.pairs.map((pair) => ({ unitPath: `${v.unitPath}${pair.name}`, name: v.name, pair })))}
              columns={pairColumns}
            />
          )}
        </Query>
      </Card>
      <Card title={t('pairing.plan')}>
        <Form<PlanInput>
          form={form}
          layout="vertical"
          initialValues={{ branches: [{ branch: '', members: [] }], villagesPerBranch: 2, villagesPerMember: 1 }}
          data-testid="pairing-form"
        >
          <Form.List name="branches">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item
                      name={[field.name, 'branch']}
                      label={t('pairing.townBranch')}
                      rules={[{ required: true, min: 2, message: t('pairing.branchNeeded') }]}
                    >
                      <Input style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'members']}
                      label={t('pairing.members')}
                      rules={[{ required: true, type: 'array', min: 1, message: t('pairing.membersNeeded') }]}
                    >
                      <Select mode="tags" style={{ width: 300 }} tokenSeparators={[',', ' ']} />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('pairing.removeBranch')} />
                    ) : null}
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" onClick={() => add({ branch: '', members: [] })} icon={<PlusOutlined />} data-testid="add-branch">
                    {t('pairing.addBranch')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
          <Space wrap>
            <Form.Item name="villagesPerBranch" label={t('pairing.perBranch')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100} />
            </Form.Item>
            <Form.Item name="villagesPerMember" label={t('pairing.perMember')} rules={[{ required: true }]}>
              <InputNumber min={1} max={20} />
            </Form.Item>
          </Space>
          <Space>
            <Button onClick={() => plan(false)} loading={busy} data-testid="pairing-preview">
              {t('pairing.preview')}
            </Button>
            <Button type="primary" disabled={!planned} onClick={() => plan(true)} loading={busy} data-testid="pairing-apply">
              {t('pairing.apply')}
            </Button>
          </Space>
        </Form>
        {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="pairing-error" /> : null}
        {planned ? (
          <Table
            style={{ marginTop: 12 }}
            rowKey="unitPath"
            size="small"
            pagination={false}
            dataSource={planned}
            columns={pairColumns}
            data-testid="pairing-planned"
          />
        ) : null}
      </Card>
    </Space>
  );
}
