import { Badge, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { cellKeyAt, type RevisionFlag } from '../../../plan';
import { CellItem } from '../../components/CellItem';
import { AreaStatus } from '../../components/AreaStatus';
import { Section } from '../../components/Section';
import type { PaneSession } from '../../session/usePaneSession';
import { CellDetail } from '../check/CellDetail';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  name: { display: 'block', fontWeight: tokens.fontWeightSemibold },
});

/** 見直し指標: marks the indicators changed during the plan and lists why. */
export function RevisionSection({ session }: { session: PaneSession }) {
  const { t } = useTranslation();
  const { revision } = session.state;
  return (
    <Section
      title={t('revision.heading')}
      description={t('revision.description')}
      action={<Button onClick={() => void session.markRevisions()}>{t('revision.button')}</Button>}
      status={<AreaStatus session={session} area="revision" />}
    >
      {revision ? (
        <>
          <MessageBar intent={revision.flags.length > 0 ? 'success' : 'info'} layout="multiline">
            <MessageBarBody>
              {revision.flags.length > 0 ? t('revision.done', { count: revision.flags.length }) : t('revision.none')}
            </MessageBarBody>
          </MessageBar>
          {revision.flags.length > 0 ? <FlagList flags={revision.flags} session={session} /> : null}
        </>
      ) : null}
    </Section>
  );
}

function FlagList({ flags, session }: { flags: RevisionFlag[]; session: PaneSession }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { detail } = session.state;
  return (
    <ul className={styles.list} aria-label={t('revision.heading')}>
      {flags.map((flag, i) => {
        const origin = `flag:${i}`;
        const open = detail?.origin === origin;
        return (
          <li key={origin}>
            <CellItem
              badge={
                <Badge appearance="tint" color="brand" shape="rounded">
                  {t(`revision.kind.${flag.kind}`)}
                </Badge>
              }
              address={flag.cell ? cellKeyAt(flag.sheet, flag.cell) : undefined}
              selected={open}
              onActivate={flag.sheet && flag.cell ? () => void session.select(flag.sheet, flag.cell, origin) : undefined}
            >
              <span className={styles.name}>{flag.indicator}</span>
              {flag.message}
            </CellItem>
            {open ? <CellDetail view={detail} onClose={session.closeDetail} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
