import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { I18nProvider, useI18n } from '../i18n/index.tsx';
import { setApiLanguage } from '../shared/api.ts';
import { SessionProvider } from '../shared/session.tsx';
import { router } from './router.tsx';
import { theme } from './theme.ts';

const queries = new QueryClient({
  defaultOptions: {
    // A refused request (4xx) will not succeed by asking again; a dropped connection may.
    queries: { retry: (count, error) => count < 2 && !('status' in error && Number(error.status) < 500), refetchOnWindowFocus: true },
  },
});

/** antd, dayjs and the API's messages follow the language the person chose. */
function Localised() {
  const { language } = useI18n();
  useEffect(() => {
    setApiLanguage(language);
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
    queries.invalidateQueries();
  }, [language]);
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queries}>
      <I18nProvider>
        <Localised />
      </I18nProvider>
    </QueryClientProvider>
  );
}
