import { useMemo, useState } from 'react';
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { cellKeyAt, type CompileResult } from '../../../plan';
import { changeRows, sortChanges, type ChangeSortKey } from './changeRows';

/** Rows shown at first and added per 「さらに表示」: a 50-課 compile lists thousands of cells. */
const PAGE = 100;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  caption: {
    textAlign: 'left',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    paddingBottom: tokens.spacingVerticalXS,
  },
  th: { textAlign: 'left', padding: 0, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  sort: {
    minWidth: 0,
    width: '100%',
    justifyContent: 'flex-start',
    paddingLeft: '2px',
    paddingRight: '2px',
    fontSize: tokens.fontSizeBase200,
  },
  td: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} 2px`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  place: { fontFamily: tokens.fontFamilyMonospace },
  before: { color: tokens.colorNeutralForeground2 },
  conflict: { backgroundColor: tokens.colorPaletteYellowBackground1 },
});

/**
 * 取りまとめ preview, cell by cell: 課, sheet!cell, indicator, before → after. Conflicts come
 * first whatever the order chosen; a header sorts by its column (again: the other way).
 */
export function ChangeTable({ result }: { result: CompileResult }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [sort, setSort] = useState<{ key: ChangeSortKey; descending: boolean }>({ key: 'department', descending: false });
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(() => sortChanges(changeRows(result), sort.key, sort.descending), [result, sort]);
  if (rows.length === 0) return null;
  const header = (key: ChangeSortKey, label: string, width: string) => (
    <th
      className={styles.th}
      style={{ width }}
      scope="col"
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <Button
        appearance="transparent"
        size="small"
        className={styles.sort}
        onClick={() => {
          setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
        }}
      >
        {label}
        {sort.key === key ? <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span> : null}
      </Button>
    </th>
  );
  return (
    <div className={styles.wrap}>
      <table className={styles.table} data-testid="compile-changes">
        <caption className={styles.caption}>{t('compile.changesCaption', { count: rows.length })}</caption>
        <thead>
          <tr>
            {header('department', t('compile.colDepartment'), '22%')}
            {header('place', t('compile.colPlace'), '24%')}
            {header('item', t('compile.colItem'), '26%')}
            <th className={styles.th} scope="col">
              {t('compile.colChange')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((r) => (
            <tr key={cellKeyAt(r.sheet, r.cell)} className={r.conflict ? styles.conflict : undefined}>
              <td className={styles.td} data-quoted="">
                {r.department}
              </td>
              <td className={`${styles.td} ${styles.place}`} data-quoted="">
                {cellKeyAt(r.sheet, r.cell)}
              </td>
              <td className={styles.td} data-quoted="">
                {r.item}
              </td>
              <td className={styles.td}>
                {r.conflict ? (
                  <Badge appearance="tint" color="warning" shape="rounded">
                    {t(r.conflict === 'master' ? 'compile.conflictKeepsMaster' : 'compile.conflictTakesSubmission')}
                  </Badge>
                ) : null}{' '}
                {r.before === '' ? (
                  <span className={styles.before}>{t('detail.empty')}</span>
                ) : (
                  <span className={styles.before} data-quoted="">
                    {r.before}
                  </span>
                )}
                {' → '}
                {r.after === '' ? <span>{t('detail.empty')}</span> : <span data-quoted="">{r.after}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown ? (
        <Button
          size="small"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => {
            setShown((n) => n + PAGE);
          }}
        >
          {t('compile.showMore', { count: Math.min(PAGE, rows.length - shown), rest: rows.length - shown })}
        </Button>
      ) : null}
    </div>
  );
}
