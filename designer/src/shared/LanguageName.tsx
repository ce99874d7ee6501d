import { useI18n } from '../i18n/index.tsx';

/** The other language, named in itself (English / 中文) as language switches do everywhere. */
export function OtherLanguage() {
  const { t, language } = useI18n();
  return (
    <span translate="no" lang={language === 'en' ? 'zh-CN' : 'en'}>
      {t('app.language')}
    </span>
  );
}
