import { useId, useMemo, useState } from 'react';
import { Badge, Button, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../plan';
import { CellItem } from '../../components/CellItem';
import { findingParts, saidParts } from '../../i18n/findingText';
import { Worded } from '../../components/Worded';
import type { PaneFinding } from '../../state/mode';
import { VirtualList } from '../../components/VirtualList';
import type { CellView } from '../../state/cellView';
import { CellDetail } from './CellDetail';
import { filterFindings, groupFindings, type FindingFilter, type FindingGroup } from './groupFindings';

/** With more findings than this, only the first sheet starts open: the rest are a heading each. */
const OPEN_ALL_UP_TO = 200;

const useStyles = makeStyles({
  groups: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  // At 320 px the three choices wrap as whole words rather than letter by letter.
  severity: { flexWrap: 'wrap', columnGap: 0 },
  choice: { whiteSpace: 'nowrap' },
  sheetFilter: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  select: { flex: '1 1 auto', minWidth: 0 },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  toggle: { justifyContent: 'flex-start', width: '100%', minWidth: 0, textAlign: 'left', overflowWrap: 'anywhere' },
  count: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  empty: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
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

/** Findings by sheet, each sheet collapsible; with `filterable`, narrowed by severity and sheet. */
export function FindingGroups(props: ListProps & { findings: readonly PaneFinding[]; filterable?: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [filter, setFilter] = useState<FindingFilter>({ severity: 'all' });
  const sheets = useMemo(() => groupFindings(props.findings).map((g) => g.sheet), [props.findings]);
  const groups = useMemo(() => groupFindings(filterFindings(props.findings, filter)), [props.findings, filter]);
  const sheetFilterId = useId();
  const openAll = props.findings.length <= OPEN_ALL_UP_TO;
  return (
    <div className={styles.groups}>
      {props.filterable ? (
        <div className={styles.filters}>
          <RadioGroup
            className={styles.severity}
            layout="horizontal"
            aria-label={t('check.filterSeverity')}
            value={filter.severity}
            onChange={(_, data) => {
              setFilter((f) => ({ ...f, severity: data.value as FindingFilter['severity'] }));
            }}
          >
            <Radio className={styles.choice} value="all" label={t('check.filterAll')} />
            <Radio className={styles.choice} value="error" label={t('check.filterErrors')} />
            <Radio className={styles.choice} value="warning" label={t('check.filterWarnings')} />
          </RadioGroup>
          {sheets.length > 1 ? (
            <div className={styles.sheetFilter}>
              <label htmlFor={sheetFilterId}>{t('check.filterSheet')}</label>
              <Select
                id={sheetFilterId}
                className={styles.select}
                value={filter.sheet === undefined ? '*' : `=${filter.sheet}`}
                onChange={(_, data) => {
                  setFilter((f) => ({ ...f, sheet: data.value === '*' ? undefined : data.value.slice(1) }));
                }}
              >
                <option value="*">{t('check.filterAllSheets')}</option>
                {sheets.map((s) => (
                  <option key={s} value={`=${s}`}>
                    {s || t('check.wholeFile')}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
        </div>
      ) : null}
      {groups.length === 0 ? <p className={styles.empty}>{t('check.filterNone')}</p> : null}
      {groups.map((g, i) => (
        <Group key={g.sheet} group={g} defaultOpen={openAll || i === 0} {...props} />
      ))}
    </div>
  );
}

function Group(props: ListProps & { group: FindingGroup<PaneFinding>; defaultOpen: boolean }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const id = useId();
  const [open, setOpen] = useState(props.defaultOpen);
  const { group } = props;
  const name = group.sheet || t('check.wholeFile');
  // A sheet's name is the workbook's own text; 「ファイル全体」 is the pane's.
  const shownName = group.sheet ? <span data-quoted="">{group.sheet}</span> : name;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={styles.heading}>
        <Button
          appearance="subtle"
          className={styles.toggle}
          aria-expanded={open}
          icon={<span aria-hidden="true">{open ? '▾' : '▸'}</span>}
          onClick={() => {
            setOpen((o) => !o);
          }}
        >
          <span>
            {shownName} <span className={styles.count}>{t('check.groupCounts', { errors: group.errors, warnings: group.warnings })}</span>
          </span>
        </Button>
      </h3>
      {open ? (
        <VirtualList
          count={group.findings.length}
          label={t('check.listLabel', { sheet: name })}
          itemKey={(i) => `${props.originPrefix ?? 'finding'}:${group.sheet}:${i}`}
          renderItem={(i) => {
            const f = group.findings[i];
            const origin = `${props.originPrefix ?? 'finding'}:${group.sheet}:${i}`;
            const shown = props.detail?.origin === origin;
            return (
              <>
                <CellItem
                  badge={<SeverityBadge severity={f.severity} />}
                  address={f.cell || undefined}
                  selected={shown}
                  onActivate={
                    f.sheet && f.cell
                      ? () => {
                          props.onSelect(f.sheet, f.cell, origin);
                        }
                      : undefined
                  }
                >
                  <Worded parts={f.said ? saidParts(f.said, i18n) : findingParts(f, i18n)} />
                </CellItem>
                {shown && props.detail ? <CellDetail view={props.detail} onClose={props.onCloseDetail} /> : null}
              </>
            );
          }}
        />
      ) : null}
    </section>
  );
}
