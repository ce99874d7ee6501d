import { useQuery } from '@tanstack/react-query';
import { Timeline as AntTimeline, Typography } from 'antd';
import { type MessageKey, useT } from '../i18n/index.tsx';
import { api, ok } from './api.ts';
import { Failed, Loading } from './states.tsx';
import { atMinute } from './time.ts';

const KINDS: Record<string, { key: MessageKey; color: string }> = {
  started: { key: 'timeline.started', color: 'blue' },
  arrived: { key: 'timeline.arrived', color: 'gray' },
  completed: { key: 'timeline.completed', color: 'green' },
  returned: { key: 'timeline.returned', color: 'red' },
  claimed: { key: 'timeline.claimed', color: 'gray' },
  assigned: { key: 'timeline.assigned', color: 'gray' },
  signersAdded: { key: 'timeline.signersAdded', color: 'blue' },
  ended: { key: 'timeline.ended', color: 'green' },
  withdrawn: { key: 'timeline.withdrawn', color: 'red' },
  cancelled: { key: 'timeline.cancelled', color: 'red' },
  incident: { key: 'timeline.incident', color: 'red' },
};

/** 办理过程: the instance's steps as people read them, from the server's timeline of its history. */
export function Timeline({ instanceId }: { instanceId: string }) {
  const t = useT();
  const timeline = useQuery({
    queryKey: ['/api/process-instances/{id}/timeline', instanceId],
    queryFn: () => ok(api.GET('/api/process-instances/{id}/timeline', { params: { path: { id: instanceId } } })),
  });
  if (timeline.isPending) return <Loading />;
  if (timeline.error) return <Failed error={timeline.error} retry={() => timeline.refetch()} />;
  return (
    <AntTimeline
      data-testid="timeline"
      items={timeline.data.items.map((item) => {
        const kind = KINDS[item.kind] ?? { key: 'timeline.other' as MessageKey, color: 'gray' };
        return {
          color: kind.color,
          children: (
            <div>
              <Typography.Text strong>{t(kind.key)}</Typography.Text> {item.stepName ? <span translate="no">{item.stepName}</span> : null}
              {item.assigneeName ? (
                <Typography.Text type="secondary">
                  {' · '}
                  {t('timeline.waitsOn')} <span translate="no">{item.assigneeName}</span>
                </Typography.Text>
              ) : null}
              <div>
                <Typography.Text type="secondary">
                  {atMinute(item.at)}
                  {item.actorName ? ' · ' : ''}
                  <span translate="no">{item.actorName}</span>
                </Typography.Text>
              </div>
              {item.note ? (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }} translate="no">
                  {item.note}
                </Typography.Paragraph>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
