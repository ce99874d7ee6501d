import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { useUnitNames } from '../../shared/names.ts';
import { useSession } from '../../shared/session.tsx';
import { Nothing, Query } from '../../shared/states.tsx';
import { usePublicationsMadeAt } from './publications.ts';

/** The roles that adopt and customise a template for their unit. */
const ADOPTERS = ['village-admin', 'town-admin'];
/** The roles that publish a template to the units below theirs (the server's template:publish). */
const PUBLISHERS = ['town-admin', 'designer'];

/**
 * 模板库: what the towns published to my units, each with where it is adopted already (a link
 * to that adoption) and where I could adopt it (my units as their administrator).
 */
export function TemplateLibrary() {
  const { me } = useSession();
  const towns = [...new Set((me?.grants ?? []).filter((g) => PUBLISHERS.includes(g.role)).map((g) => g.unitPath))];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Offered />
      {towns.length > 0 ? <Publishable towns={towns} /> : null}
    </Space>
  );
}

/**
 * 镇级发布: the templates of the library, each with the version my town offers its villages now
 * and a way to publish (again, or a newer version) with the town's bounds.
 */
function Publishable({ towns }: { towns: readonly string[] }) {
  const { t, language } = useI18n();
  const unitName = useUnitNames();
  const library = useQuery({ queryKey: ['/api/templates'], queryFn: () => ok(api.GET('/api/templates')) });
  const published = usePublicationsMadeAt(towns);
  return (
    <Query query={library}>
      {({ items }) => (
        <Card title={t('templates.libraryTitle')} data-testid="library">
          <List
            dataSource={items}
            rowKey="id"
            renderItem={(template) => (
              <List.Item data-testid={`library-${template.id}`}>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span translate="no">{template.name[language]}</span>
                      <Tag>{`v${template.version}`}</Tag>
                    </Space>
                  }
                  description={
                    <Space wrap>
                      {towns.map((town) => {
                        const now = (published.data ?? []).find((p) => p.templateId === template.id && p.unitPath === town);
                        return (
                          <Link key={town} to={`/templates/${template.id}/publish?unit=${encodeURIComponent(town)}`}>
                            <Button size="small" data-testid="publish-link">
                              {now ? t('templates.publishedAt', { version: now.version }) : t('templates.publishTo')}{' '}
                              <span translate="no">{unitName(town)}</span>
                            </Button>
                          </Link>
                        );
                      })}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Query>
  );
}

/** What the towns published to my units, with where each is adopted. */
function Offered() {
  const { t, language } = useI18n();
  const unitName = useUnitNames();
  const { me } = useSession();
  const mine = [...new Set((me?.grants ?? []).filter((g) => ADOPTERS.includes(g.role)).map((g) => g.unitPath))];
  // What was published to each of my units (by it or a unit above), once each.
  const publications = useQuery({
    queryKey: ['/api/template-publications', mine],
    queryFn: async () => {
      const pages = await Promise.all(mine.map((unit) => ok(api.GET('/api/template-publications', { params: { query: { unit } } }))));
      return { items: [...new Map(pages.flatMap((p) => p.items).map((p) => [p.id, p])).values()] };
    },
  });
  const adoptions = useQuery({ queryKey: ['/api/adoptions'], queryFn: () => ok(api.GET('/api/adoptions')) });
  return (
    <Query query={publications}>
      {({ items }) => {
        if (items.length === 0) return <Nothing>{t('templates.none')}</Nothing>;
        const adopted = adoptions.data?.items ?? [];
        // The newest publication of each template per town (the server lists newest first): what a village adopts or upgrades to.
        const newest = items.filter((p, i) => items.findIndex((q) => q.unitPath === p.unitPath && q.templateId === p.templateId) === i);
        return (
          <Card
            title={t('templates.title')}
            extra={
              me?.grants.some((g) => g.role === 'town-admin') ? (
                <Link to="/templates/pairing" data-testid="pairing-link">
                  {t('templates.pairingLink')}
                </Link>
              ) : null
            }
          >
            <List
              dataSource={newest}
              rowKey="id"
              renderItem={(p) => {
                const here = adopted.filter((a) => a.templateId === p.templateId);
                const open = mine.filter((u) => u.startsWith(p.unitPath) && !here.some((a) => a.unitPath === u));
                return (
                  <List.Item data-testid={`template-${p.templateId}`}>
                    <List.Item.Meta
                      title={
                        <Space wrap>
                          <span translate="no">{p.name?.[language] ?? p.templateId}</span>
                          <Tag>{`v${p.version}`}</Tag>
                          <Typography.Text type="secondary">
                            {t('templates.publishedBy')}
                            <span translate="no">{p.unitName ?? unitName(p.unitPath)}</span>
                          </Typography.Text>
                        </Space>
                      }
                      description={
                        <Space wrap>
                          <Typography.Paragraph type="secondary" style={{ marginBottom: 4, width: '100%' }} translate="no">
                            {p.description?.[language]}
                          </Typography.Paragraph>
                          {here.map((a) => (
                            <Link key={a.id} to={`/templates/adoptions/${a.id}`} data-testid="adoption-link">
                              <Tag color="green">
                                {t('templates.adoptedAt', { version: a.version })} <span translate="no">{unitName(a.unitPath)}</span>
                              </Tag>
                            </Link>
                          ))}
                          {open.map((u) => (
                            <Link key={u} to={`/templates/publications/${p.id}/adopt?unit=${encodeURIComponent(u)}`}>
                              <Button size="small" type="primary" data-testid="adopt">
                                {t('templates.adoptAt')} <span translate="no">{unitName(u)}</span>
                              </Button>
                            </Link>
                          ))}
                        </Space>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          </Card>
        );
      }}
    </Query>
  );
}
