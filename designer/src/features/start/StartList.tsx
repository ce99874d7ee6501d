import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.tsx';
import { api, ok } from '../../shared/api.ts';
import { useUnitNames } from '../../shared/names.ts';
import { Nothing, Query } from '../../shared/states.tsx';

/** 发起事项: the latest version of each procedure deployed for my units. */
export function StartList() {
  const t = useT();
  const unitName = useUnitNames();
  const definitions = useQuery({ queryKey: ['/api/process-definitions'], queryFn: () => ok(api.GET('/api/process-definitions')) });
  return (
    <Card title={t('start.title')}>
      <Query query={definitions}>
        {(data) => {
          // The newest version of each procedure at each unit (a town sees each village's own), that a person may start.
          const latest = [
            ...new Map(
              data.items
                .filter((d) => d.startable !== false)
                .toSorted((a, b) => a.version - b.version)
                .map((d) => [`${d.key}@${d.unitPath}`, d]),
            ).values(),
          ];
          if (latest.length === 0) return <Nothing>{t('start.none')}</Nothing>;
          return (
            <List
              dataSource={latest}
              rowKey="id"
              renderItem={(d) => (
                <List.Item
                  actions={[
                    <Link key="go" to={`/start/${d.id}`} data-testid={`start-${d.key}`}>
                      {t('start.go')}
                    </Link>,
                  ]}
                >
                  <List.Item.Meta
                    title={<span translate="no">{d.name ?? d.key}</span>}
                    description={
                      <Typography.Text type="secondary">
                        {t('start.deployed', { version: d.version, when: dayjs(d.deployedAt).format('YYYY-MM-DD') })} ·{' '}
                        <span translate="no">{unitName(d.unitPath)}</span>
                      </Typography.Text>
                    }
                  />
                </List.Item>
              )}
            />
          );
        }}
      </Query>
    </Card>
  );
}
