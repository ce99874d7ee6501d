import { Button, Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';
import { ApiFailure } from './api.ts';

export function Loading() {
  const t = useT();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status">
      <Spin tip={t('app.loading')}>
        <div style={{ height: 40 }} />
      </Spin>
    </div>
  );
}

export function Nothing({ children }: { children?: ReactNode }) {
  const t = useT();
  return <Empty description={children ?? t('app.empty')} />;
}

/** The server's own message (in the chosen language); a 403 reads as no permission. */
export function Failed({ error, retry }: { error: unknown; retry?: () => void }) {
  const t = useT();
  const forbidden = error instanceof ApiFailure && error.status === 403;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Result
      status={forbidden ? '403' : 'warning'}
      title={forbidden ? t('app.forbidden') : t('app.error')}
      subTitle={message}
      extra={retry ? <Button onClick={retry}>{t('app.retry')}</Button> : undefined}
    />
  );
}

export function NotFound() {
  const t = useT();
  return <Result status="404" title={t('app.notFound')} />;
}

/** A query's three faces: loading, failed (with retry), or its data. */
export function Query<T>({
  query,
  children,
}: {
  query: { data?: T; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error || query.data === undefined) return <Failed error={query.error} retry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}
