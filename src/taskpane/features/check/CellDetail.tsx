import { useCallback, useEffect, useId, useRef } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CellView } from '../../state/cellView';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  mono: { margin: 0, fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/** Outside Excel nothing can be selected: the pane shows the cell a finding points at. Escape closes it. */
export function CellDetail({ view, onClose }: { view: CellView; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  const root = useRef<HTMLElement>(null);
  const id = useId();
  useEffect(() => {
    // jsdom and some webviews have no scrollIntoView.
    const el: Partial<Pick<HTMLElement, 'scrollIntoView'>> | null = heading.current;
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [view]);
  // Focus goes back to the item that opened the panel, not to the top of the page.
  const close = useCallback(() => {
    const opener = root.current?.previousElementSibling;
    onClose();
    if (opener instanceof HTMLElement) opener.focus();
  }, [onClose]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        close();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [close]);
  return (
    <section ref={root} className={styles.root} aria-labelledby={id} data-testid="cell-detail">
      <h4 id={id} ref={heading} className={styles.heading}>
        {t('detail.heading')}
      </h4>
      <dl className={styles.list}>
        <dt className={styles.term}>{t('detail.sheet')}</dt>
        <dd className={styles.value}>{view.sheet}</dd>
        <dt className={styles.term}>{t('detail.cell')}</dt>
        <dd className={styles.mono}>{view.cell}</dd>
        <dt className={styles.term}>{t('detail.value')}</dt>
        <dd className={styles.value}>{!view.found ? t('detail.notFound') : view.value === '' ? t('detail.empty') : view.value}</dd>
        {view.formula ? (
          <>
            <dt className={styles.term}>{t('detail.formula')}</dt>
            <dd className={styles.mono}>={view.formula}</dd>
          </>
        ) : null}
      </dl>
      <Button
        size="small"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => {
          close();
        }}
      >
        {t('detail.close')}
      </Button>
    </section>
  );
}
