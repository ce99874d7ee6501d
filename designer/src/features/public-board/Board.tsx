import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Form, Input, Layout, List, Result, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { OtherLanguage } from '../../shared/LanguageName.tsx';
import { Failed, Loading, Nothing } from '../../shared/states.tsx';

interface Objection {
  content: string;
  name?: string;
  phone?: string;
  answer: string;
}

function ObjectionForm({ unitPath, noticeId }: { unitPath: string; noticeId: string }) {
  const { t } = useI18n();
  const [sent, setSent] = useState(false);
  const challenge = useQuery({
    queryKey: ['/api/public/challenge', noticeId],
    queryFn: () => ok(api.GET('/api/public/challenge')),
    staleTime: 5 * 60_000,
  });
  const send = useMutation({
    mutationFn: (o: Objection) =>
      ok(
        api.POST('/api/public/units/{unitPath}/notices/{noticeId}/objections', {
          params: { path: { unitPath, noticeId } },
          body: {
            content: o.content.trim(),
            ...(o.name?.trim() ? { name: o.name.trim() } : {}),
            ...(o.phone?.trim() ? { phone: o.phone.trim() } : {}),
            challenge: { token: challenge.data?.token ?? '', answer: o.answer.trim() },
          },
        }),
      ),
    onSuccess: () => setSent(true),
    // A question is good once: whatever the answer, the next try gets a new one.
    onError: () => challenge.refetch(),
  });
  if (sent)
    return (
      <Result status="success" title={t('board.objectionSent')} subTitle={t('board.objectionSentHint')} data-testid="objection-sent" />
    );
  return (
    <Form<Objection> layout="vertical" onFinish={(o) => send.mutate(o)}>
      {send.error ? <Alert type="error" showIcon message={send.error.message} style={{ marginBottom: 12 }} /> : null}
      <Form.Item
        name="content"
        label={t('board.objection')}
        rules={[{ required: true, whitespace: true, message: t('board.objectionRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="objection-content" />
      </Form.Item>
      <Form.Item name="name" label={t('board.name')}>
        <Input maxLength={50} autoComplete="name" />
      </Form.Item>
      <Form.Item name="phone" label={t('board.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('board.phoneInvalid') }]}>
        <Input inputMode="tel" maxLength={11} autoComplete="tel" />
      </Form.Item>
      <Form.Item
        name="answer"
        label={
          <span>
            {t('board.challenge')} <strong data-testid="challenge-question">{challenge.data?.question ?? '…'}</strong>
          </span>
        }
        rules={[{ required: true, whitespace: true, message: t('board.challengeRequired') }]}
      >
        <Input inputMode="numeric" maxLength={4} autoComplete="off" data-testid="challenge-answer" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={send.isPending} disabled={!challenge.data} data-testid="objection-submit">
        {t('board.send')}
      </Button>
    </Form>
  );
}

/** 村务公开栏: a village's notices during their posting period, readable by anyone on a phone, with an objection form. */
export function Board() {
  const { t, language, setLanguage } = useI18n();
  // /public/nanhai/lishui/hefeng is the board of the unit /nanhai/lishui/hefeng/.
  const { '*': splat = '' } = useParams();
  const unitKey = `/${splat.split('/').filter(Boolean).join('/')}/`;
  const board = useQuery({
    queryKey: ['/api/public/units/{unitPath}/notices', unitKey],
    queryFn: () => ok(api.GET('/api/public/units/{unitPath}/notices', { params: { path: { unitPath: unitKey } } })),
  });
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#c8102e', display: 'flex', alignItems: 'center', paddingInline: 12 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, flex: 1 }}>
          {board.data ? (
            <>
              <span translate="no">{board.data.unit.name}</span> {t('board.title')}
            </>
          ) : (
            t('board.title')
          )}
        </Typography.Title>
        <Button type="text" style={{ color: '#fff' }} onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}>
          <OtherLanguage />
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 8, maxWidth: 720, width: '100%', margin: '0 auto' }}>
        {board.isPending ? (
          <Loading />
        ) : board.error ? (
          <Failed error={board.error} retry={() => board.refetch()} />
        ) : board.data.items.length === 0 ? (
          <Nothing>{t('board.none')}</Nothing>
        ) : (
          <List
            dataSource={board.data.items}
            rowKey="id"
            renderItem={(n) => (
              <Card style={{ marginBottom: 8 }} data-testid="notice">
                <Typography.Title level={5} translate="no">
                  {n.title}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {t('board.period', { from: dayjs(n.postedAt).format('YYYY-MM-DD'), until: dayjs(n.until).format('YYYY-MM-DD') })}
                </Typography.Text>
                {n.body ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }} translate="no">
                    {n.body}
                  </Typography.Paragraph>
                ) : null}
                {n.attachments?.length ? (
                  <Space direction="vertical" size={2} style={{ marginBottom: 8 }} data-testid="notice-files">
                    <Typography.Text type="secondary">{t('board.files')}</Typography.Text>
                    {n.attachments.map((f) => (
                      <Typography.Link
                        key={f.id}
                        href={`/api/public/units/${encodeURIComponent(board.data.unit.path)}/notices/${n.id}/attachments/${f.id}`}
                        target="_blank"
                        translate="no"
                      >
                        {f.fileName}
                      </Typography.Link>
                    ))}
                  </Space>
                ) : null}
                <Collapse
                  ghost
                  items={[
                    {
                      key: 'o',
                      label: <Space>{t('board.objectionOpen')}</Space>,
                      children: <ObjectionForm unitPath={board.data.unit.path} noticeId={n.id} />,
                    },
                  ]}
                />
              </Card>
            )}
          />
        )}
      </Layout.Content>
    </Layout>
  );
}
