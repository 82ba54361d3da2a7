import { useId } from 'react';
import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { BusyIndicator } from '../../components/BusyIndicator';
import { ErrorBar } from '../../components/ErrorBar';
import { paneErrorText } from '../../state/paneError';
import type { LiveCheck } from '../../hooks/useLiveCheck';
import type { PaneSession } from '../../session/usePaneSession';
import { FindingGroups } from './FindingGroups';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // A native checkbox announced as a switch: Fluent's Switch would weigh on the first screen.
  toggle: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase300, cursor: 'pointer' },
  box: { width: '16px', height: '16px', margin: 0, accentColor: tokens.colorBrandBackground },
});

/** Live validation (Excel): the switch, and the findings on the cells just edited. */
export function LiveFindings({ live, session }: { live: LiveCheck; session: PaneSession }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId();
  if (!live.available) return null;
  const shown = live.active && (live.findings !== undefined || live.error !== undefined);
  return (
    <div className={styles.root}>
      <label className={styles.toggle}>
        <input
          type="checkbox"
          role="switch"
          className={styles.box}
          checked={live.active}
          onChange={(e) => live.setEnabled(e.currentTarget.checked)}
        />
        {t('live.switch')}
      </label>
      <BusyIndicator label={live.busy ? t('live.busy') : undefined} />
      {shown ? (
        <section aria-labelledby={id} className={styles.root} data-testid="live-findings">
          <h3 id={id} className={styles.heading}>
            {t('live.heading')}
          </h3>
          {live.error ? <ErrorBar message={paneErrorText(live.error, t)} /> : null}
          {live.findings && live.findings.length === 0 ? (
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{t('live.ok')}</MessageBarBody>
            </MessageBar>
          ) : null}
          {live.findings && live.findings.length > 0 ? (
            <FindingGroups
              originPrefix="live"
              findings={live.findings}
              onSelect={(sheet, cell, origin) => void session.select(sheet, cell, origin)}
              onCloseDetail={session.closeDetail}
            />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
