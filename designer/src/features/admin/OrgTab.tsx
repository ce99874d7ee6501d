import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Tag, Tree, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { useUnitNames, useUnits } from '../../shared/names.ts';
import { Query } from '../../shared/states.tsx';
import { refusalFor } from './formErrors.ts';
import { kindLabel, UNIT_KINDS } from './kinds.ts';
import { useManaged } from './managers.ts';
import { childPath, unitForest, within } from './reach.ts';
import { shownUnits } from './shownUnits.tsx';

interface NewUnitFields {
  segment: string;
  name: string;
  kind: (typeof UNIT_KINDS)[number];
}

/** 新增下级单位 below `parent`: the path segment, name and kind; the server's objections land on the fields. */
function AddUnit({ parent }: { parent: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const unitName = useUnitNames();
  const [form] = Form.useForm<NewUnitFields>();
  const [refused, setRefused] = useState<string>();
  const add = useMutation({
    mutationFn: (v: NewUnitFields) =>
      ok(api.POST('/api/org/units', { body: { path: childPath(parent, v.segment), name: v.name.trim(), kind: v.kind } })),
    onMutate: () => setRefused(undefined),
    onSuccess: async (unit) => {
      message.success(t('admin.org.added', { name: unit.name }));
      form.resetFields();
      await queries.invalidateQueries({ queryKey: ['/api/org/units'] });
    },
    onError: (error) => {
      const { fields, rest } = refusalFor(error, { 'body.path': 'segment', 'body.name': 'name', 'body.kind': 'kind' });
      form.setFields(fields as never);
      setRefused(rest);
    },
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} data-testid="add-unit" initialValues={{ kind: 'village' }}>
      <Typography.Paragraph type="secondary">
        {t('admin.org.below')}
        <span translate="no">{unitName(parent)}</span>
      </Typography.Paragraph>
      {refused ? <Alert type="error" showIcon message={refused} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="name" label={t('admin.org.name')} rules={[{ required: true, whitespace: true, message: t('admin.org.nameNeeded') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="segment"
        label={t('admin.org.segment')}
        extra={t('admin.org.segmentHelp')}
        rules={[
          { required: true, message: t('admin.org.segmentNeeded') },
          { pattern: /^\s*[A-Za-z0-9_-]+\s*$/, message: t('admin.org.segmentRule') },
        ]}
      >
        <Input addonBefore={<span translate="no">{parent}</span>} />
      </Form.Item>
      <Form.Item name="kind" label={t('admin.org.kind')} rules={[{ required: true }]}>
        <Select options={UNIT_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t('admin.org.add')}
      </Button>
    </Form>
  );
}

/** 组织架构: the units in reach as a tree; choosing one I administer lets me add a unit below it. */
export function OrgTab() {
  const { t } = useI18n();
  const units = useUnits();
  const managed = useManaged('org');
  const [selected, setSelected] = useState<string>();
  return (
    <Query query={units}>
      {({ items }) => (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Card title={t('admin.org.tree')} size="small">
              <Tree
                data-testid="org-tree"
                showLine
                defaultExpandAll
                treeData={shownUnits(unitForest(items), (n) => (
                  <Tag bordered={false} style={{ marginInlineStart: 6 }}>
                    {kindLabel(t, n.kind)}
                  </Tag>
                ))}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected(keys[0] === undefined ? undefined : String(keys[0]))}
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card title={t('admin.org.addTitle')} size="small">
              {!selected ? (
                <Typography.Text type="secondary">{t('admin.org.choose')}</Typography.Text>
              ) : within(managed, selected) ? (
                <AddUnit key={selected} parent={selected} />
              ) : (
                <Alert type="info" showIcon message={t('admin.org.notYours')} />
              )}
            </Card>
          </Col>
        </Row>
      )}
    </Query>
  );
}
