import { useId } from 'react';
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../plan';
import { CellItem } from '../../components/CellItem';
import type { CellView } from '../../hooks/cellView';
import { CellDetail } from './CellDetail';
import { groupFindings, type FindingGroup } from './groupFindings';

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalXS} 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  count: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

export function SeverityBadge({ severity }: { severity: Finding['severity'] }) {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" color={severity === 'error' ? 'danger' : 'warning'} shape="rounded">
      {t(severity === 'error' ? 'check.error' : 'check.warning')}
    </Badge>
  );
}

interface ListProps {
  /** Names this list's items (`finding`, `live`), so two lists never share an item's name. */
  originPrefix?: string;
  /** The cell shown under the item that asked for it (outside Excel). */
  detail?: CellView;
  onSelect(sheet: string, cell: string, origin: string): void;
  onCloseDetail: () => void;
}

export function FindingGroups(props: ListProps & { findings: readonly Finding[] }) {
  const styles = useStyles();
  return (
    <div className={styles.groups}>
      {groupFindings(props.findings).map((g) => (
        <Group key={g.sheet} group={g} {...props} />
      ))}
    </div>
  );
}

function Group(props: ListProps & { group: FindingGroup }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId();
  const { group } = props;
  const name = group.sheet || t('check.wholeFile');
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={styles.heading}>
        <span>{name}</span>
        <span className={styles.count}>{t('check.groupCount', { count: group.findings.length })}</span>
      </h3>
      <ul className={styles.list} aria-label={t('check.listLabel', { sheet: name })}>
        {group.findings.map((f, i) => {
          const origin = `${props.originPrefix ?? 'finding'}:${group.sheet}:${i}`;
          const open = props.detail?.origin === origin;
          return (
            <li key={origin}>
              <CellItem
                badge={<SeverityBadge severity={f.severity} />}
                address={f.cell || undefined}
                selected={open}
                onActivate={f.sheet && f.cell ? () => props.onSelect(f.sheet, f.cell, origin) : undefined}
              >
                {f.message}
              </CellItem>
              {open && props.detail ? <CellDetail view={props.detail} onClose={props.onCloseDetail} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
