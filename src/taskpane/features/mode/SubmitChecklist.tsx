import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase300 },
  badge: { flexShrink: 0 },
});

/** The clerk's last steps before sending the file: what the check can tell, and what only they can do. */
export function SubmitChecklist({ errors, warnings }: { errors: number; warnings: number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId();
  const items = [
    { key: 'noErrors', text: t('clerk.noErrors', { count: errors }), done: errors === 0 },
    { key: 'warnings', text: t('clerk.warningsRead', { count: warnings }), done: warnings === 0 },
    { key: 'send', text: t('clerk.saveAndSend'), done: false },
  ];
  return (
    <section aria-labelledby={id} data-testid="submit-checklist">
      <h3 id={id} className={styles.heading}>
        {t('clerk.checklist')}
      </h3>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.key} className={styles.item}>
            <Badge
              className={styles.badge}
              appearance={item.done ? 'filled' : 'outline'}
              color={item.done ? 'success' : 'informative'}
              shape="rounded"
            >
              {t(item.done ? 'clerk.done' : 'clerk.todo')}
            </Badge>
            <span>{item.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
