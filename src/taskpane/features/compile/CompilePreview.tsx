import { useId } from 'react';
import { Badge, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { cellKeyAt, type CompileResult, type SubmissionReport } from '../../../plan';
import { Worded } from '../../components/Worded';
import { saidParts } from '../../i18n/findingText';
import { ChangeTable } from './ChangeTable';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  messages: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  text: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

const STATUS_COLOUR = { accepted: 'success', unchanged: 'informative', rejected: 'danger', setAside: 'warning' } as const;
/** Messages shown per file; the rest are counted. */
const MAX_MESSAGES = 5;

/** What confirming would do: cells taken, conflicts, files sent back, file by file. */
export function CompilePreview({ result }: { result: CompileResult }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const filesId = useId();
  const conflictsId = useId();
  return (
    <div className={styles.root} data-testid="compile-preview">
      <MessageBar intent={result.rejected.length > 0 || result.conflicts.length > 0 ? 'warning' : 'info'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('compile.previewTitle', { year: result.year })}</MessageBarTitle>
          {t('compile.counts', { applied: result.applied, conflicts: result.conflicts.length, rejected: result.rejected.length })}
        </MessageBarBody>
      </MessageBar>
      <ChangeTable result={result} />
      {result.notices.map((n, i) => (
        <p key={i} className={styles.text}>
          {t('compile.notice')}
          <Worded parts={saidParts(n, i18n)} />
        </p>
      ))}
      <section aria-labelledby={filesId}>
        <h3 id={filesId} className={styles.heading}>
          {t('compile.filesHeading')}
        </h3>
        <ul className={styles.list}>
          {result.submissions.map((s, i) => (
            <FileItem key={`${s.file}-${i}`} report={s} />
          ))}
        </ul>
      </section>
      {result.conflicts.length > 0 ? (
        <section aria-labelledby={conflictsId}>
          <h3 id={conflictsId} className={styles.heading}>
            {t('compile.conflictsHeading', { count: result.conflicts.length })}
          </h3>
          <ul className={styles.list}>
            {result.conflicts.map((c) => (
              <li key={`${c.file}-${c.sheet}-${c.cell}`} className={styles.item}>
                <span className={styles.name} data-quoted="">{`${cellKeyAt(c.sheet, c.cell)} ${c.item}`}</span>
                <span className={styles.text} data-quoted="">
                  {t('compile.conflict', { master: c.master, department: c.department, submission: c.submission })}
                </span>
                <span className={styles.text}>{t(c.kept === 'master' ? 'compile.keptMaster' : 'compile.keptSubmission')}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result.missingDepartments.length > 0 ? (
        <p className={styles.text}>
          {t('compile.missing', { count: result.missingDepartments.length })}{' '}
          <span data-quoted="">{result.missingDepartments.join(t('compile.namesSeparator'))}</span>
        </p>
      ) : null}
    </div>
  );
}

function FileItem({ report }: { report: SubmissionReport }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const messages = report.messages.slice(0, MAX_MESSAGES);
  return (
    <li className={styles.item}>
      <span className={styles.meta}>
        <Badge appearance="tint" shape="rounded" color={STATUS_COLOUR[report.status]}>
          {t(`compile.status.${report.status}`)}
        </Badge>
        <span className={styles.name} data-quoted="">
          {report.file}
        </span>
        {report.department ? <span data-quoted="">{report.department}</span> : null}
      </span>
      {report.status === 'accepted' ? <span className={styles.text}>{t('compile.cells', { count: report.applied })}</span> : null}
      {messages.length > 0 ? (
        <ul className={styles.messages}>
          {messages.map((m, i) => (
            <li key={i}>
              {i < report.errors ? null : t('compile.warning')}
              <Worded parts={saidParts(m, i18n)} />
            </li>
          ))}
          {report.messages.length > MAX_MESSAGES ? <li>{t('compile.more', { count: report.messages.length - MAX_MESSAGES })}</li> : null}
        </ul>
      ) : null}
    </li>
  );
}
