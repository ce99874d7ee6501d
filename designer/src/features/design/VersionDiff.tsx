import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { Query } from '../../shared/states.tsx';
import { changeTitle, kindLabel, propertyWords } from './changeWords.ts';
import { DiffDiagram, type Focus, PAINT } from './DiffDiagram.tsx';
import { type ChangeKind, diffVersions, type ElementChange } from './diff.ts';
import { Words } from './Words.tsx';

/** One side of a comparison: a deployed version, or a file opened from this computer. */
export interface DiffSide {
  /** Names what `xml` loads, for caching it. */
  readonly key: string;
  readonly title: ReactNode;
  /** The title as text, naming its diagram for screen readers. */
  readonly label: string;
  readonly xml: () => Promise<string>;
}

/** Each change's tag, in antd's colours nearest the markers. */
const KIND_COLOURS: Record<ChangeKind, string> = { added: 'green', removed: 'red', changed: 'gold', moved: 'blue' };
const KINDS: readonly ChangeKind[] = ['added', 'removed', 'changed', 'moved'];

/** What the older version shows of a change (what was removed or changed there), and what the newer shows. */
const shownBefore = (c: ElementChange) => c.kind !== 'added';
const shownAfter = (c: ElementChange) => c.kind !== 'removed';

/**
 * Two versions side by side, every change marked on both diagrams and listed in words; a click on
 * one finds it in both. Loaded on its own (bpmn-js, bpmn-moddle and bpmn-js-differ) when two versions are picked.
 */
export default function VersionDiff({ before, after }: { before: DiffSide; after: DiffSide }) {
  const t = useT();
  const [focus, setFocus] = useState<Focus>();
  const beforeXml = useQuery({ queryKey: ['diff-side', before.key], queryFn: before.xml, staleTime: Number.POSITIVE_INFINITY });
  const afterXml = useQuery({ queryKey: ['diff-side', after.key], queryFn: after.xml, staleTime: Number.POSITIVE_INFINITY });
  const changes = useQuery({
    queryKey: ['version-diff', before.key, after.key],
    enabled: beforeXml.data !== undefined && afterXml.data !== undefined,
    queryFn: () => diffVersions(beforeXml.data as string, afterXml.data as string),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const items = changes.data ?? [];
  const marksBefore = useMemo(() => items.filter(shownBefore), [items]);
  const marksAfter = useMemo(() => items.filter(shownAfter), [items]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="version-diff">
      <Space wrap aria-label={t('versions.legend')}>
        {KINDS.map((kind) => (
          <span key={kind}>
            <span className="sz-diff-swatch" style={{ background: PAINT[kind].stroke }} />
            {kind === 'moved' ? t('versions.legend.moved') : kindLabel(t, kind)}
          </span>
        ))}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={before.title}>
            <Query query={beforeXml}>{(xml) => <DiffDiagram xml={xml} marks={marksBefore} focus={focus} label={before.label} />}</Query>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={after.title}>
            <Query query={afterXml}>{(xml) => <DiffDiagram xml={xml} marks={marksAfter} focus={focus} label={after.label} />}</Query>
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('versions.changes', { count: items.length })}
        extra={<Typography.Text type="secondary">{t('versions.clickHint')}</Typography.Text>}
      >
        <Query query={changes}>
          {(list) =>
            list.length === 0 ? (
              <Typography.Text data-testid="versions-same">{t('versions.same')}</Typography.Text>
            ) : (
              <List
                size="small"
                data-testid="version-changes"
                dataSource={list}
                renderItem={(change) => (
                  <List.Item
                    key={`${change.kind}:${change.id}`}
                    onClick={() => setFocus({ id: change.id, at: Date.now() })}
                    className="sz-diff-change"
                    style={{ cursor: 'pointer' }}
                    aria-selected={focus?.id === change.id}
                    data-testid="version-change"
                    data-element={change.id}
                  >
                    <Space direction="vertical" size={2}>
                      <Space>
                        <Tag color={KIND_COLOURS[change.kind]}>{kindLabel(t, change.kind)}</Tag>
                        <Typography.Text strong>
                          <Words parts={changeTitle(t, change)} />
                        </Typography.Text>
                      </Space>
                      {change.properties.map((p) => (
                        <Typography.Text key={p.path} type="secondary" style={{ paddingLeft: 8 }}>
                          <Words parts={propertyWords(t, p)} />
                        </Typography.Text>
                      ))}
                    </Space>
                  </List.Item>
                )}
              />
            )
          }
        </Query>
      </Card>
    </Space>
  );
}
