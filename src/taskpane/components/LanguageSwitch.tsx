import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { isLanguage, storeLanguage } from '../i18n';

/** Shows the other language's name, in that language; switching is remembered on this computer. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = t('language.switchLang');
  return (
    <Button
      size="small"
      appearance="subtle"
      lang={next}
      onClick={() => {
        if (!isLanguage(next)) return;
        void i18n.changeLanguage(next);
        storeLanguage(next);
      }}
    >
      {t('language.switch')}
    </Button>
  );
}
