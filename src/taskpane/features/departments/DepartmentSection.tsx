import { useId } from 'react';
import { Button, Checkbox, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AreaStatus } from '../../components/AreaStatus';
import { WarningList } from '../../components/WarningList';
import { Section } from '../../components/Section';
import type { PaneSession } from '../../session/usePaneSession';
import type { Connection, FileSaver, ToolsLoader } from '../../services';
import { useDepartments, type DepartmentsOutcome } from './useDepartments';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  // A native select is as wide as its longest option; at 320 px that pushed the page sideways.
  select: { minWidth: 0, maxWidth: '100%' },
  selectBox: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

/**
 * 課別シート・課別ブック: what each department fills, as sheets of this workbook (for a workbook
 * shared by co-authoring) or as workbooks of their own (downloaded, or opened in Excel).
 */
export function DepartmentSection(props: { session: PaneSession; connection: Connection; loadTools: ToolsLoader; save: FileSaver }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const departments = useDepartments(props.session, props.connection, props.loadTools, props.save);
  const { list, choice, replace, outcome } = departments.state;
  const sheetsId = useId();
  const booksId = useId();
  const canOpen = Boolean(props.connection.createWorkbook);
  return (
    <Section
      title={t('departments.heading')}
      description={t('departments.description')}
      action={
        <Button appearance={list ? 'secondary' : 'primary'} onClick={() => void departments.load()}>
          {list ? t('departments.reload') : t('departments.load')}
        </Button>
      }
      status={<AreaStatus session={props.session} area="departments" />}
    >
      {list ? (
        <>
          <p className={styles.hint}>{t('departments.year', { year: list.year, count: list.departments.length })}</p>
          <Field label={t('departments.department')}>
            <Select
              className={styles.select}
              select={{ className: styles.selectBox }}
              value={choice}
              onChange={(_e, d) => departments.choose(d.value)}
            >
              <option value="">{t('departments.all', { count: list.departments.length })}</option>
              {list.departments.map((d) => (
                <option key={d.name} value={d.name}>
                  {t('departments.option', { name: d.name, indicators: d.indicatorRows, projects: d.projects })}
                </option>
              ))}
            </Select>
          </Field>
          <section className={styles.group} aria-labelledby={booksId}>
            <h3 id={booksId} className={styles.heading}>
              {t('departments.booksHeading')}
            </h3>
            <p className={styles.hint}>{t('departments.booksHint')}</p>
            <div className={styles.actions}>
              <Button onClick={() => void departments.download(choice, t('departments.zipName', { year: list.year }))}>
                {choice ? t('departments.downloadOne') : t('departments.downloadAll')}
              </Button>
              {canOpen ? (
                <Button disabled={!choice} onClick={() => void departments.openNew(choice)}>
                  {t('departments.openNew')}
                </Button>
              ) : null}
            </div>
            {canOpen && !choice ? <p className={styles.hint}>{t('departments.openNewHint')}</p> : null}
          </section>
          <section className={styles.group} aria-labelledby={sheetsId}>
            <h3 id={sheetsId} className={styles.heading}>
              {t('departments.sheetsHeading')}
            </h3>
            <p className={styles.hint}>{t('departments.sheetsHint')}</p>
            <Checkbox checked={replace} onChange={(_e, d) => departments.setReplace(d.checked === true)} label={t('departments.replace')} />
            <div className={styles.actions}>
              <Button onClick={() => void departments.makeSheets(choice, replace)}>{t('departments.makeSheets')}</Button>
            </div>
          </section>
          {outcome ? <Outcome outcome={outcome} /> : null}
          <WarningList title={t('departments.warnings')} items={list.warnings} />
        </>
      ) : null}
    </Section>
  );
}

function Outcome({ outcome }: { outcome: DepartmentsOutcome }) {
  const { t } = useTranslation();
  let text: string;
  if (outcome.kind === 'file') text = t('departments.downloaded', { name: outcome.name });
  else if (outcome.kind === 'zip') text = t('departments.zipped', { name: outcome.name, count: outcome.count });
  else if (outcome.kind === 'opened') text = t('departments.opened', { name: outcome.name });
  else {
    // Names are listed for a few sheets; for all departments the count says enough.
    const count = outcome.made.length;
    const made =
      count === 0
        ? t('departments.sheetsNone')
        : count <= 5
          ? t('departments.sheetsMade', { count, names: outcome.made.join('、') })
          : t('departments.sheetsMadeMany', { count });
    text = outcome.kept.length > 0 ? `${made} ${t('departments.sheetsKept', { names: outcome.kept.join('、') })}` : made;
  }
  // The pane cannot read the CLI's key file: a master without its own secret hands out unsigned files.
  const unsigned = outcome.kind !== 'sheets' && outcome.unsigned;
  return (
    <MessageBar intent={unsigned ? 'warning' : 'success'} layout="multiline" data-testid="departments-outcome">
      <MessageBarBody>
        {text}
        {unsigned
          ? ` ${t('departments.unsigned', {
              defaultValue:
                'この取りまとめ用ブックには署名の鍵がないため、課別ブックに署名していません。取りまとめのとき、改ざんや別の課のファイルを見分けられません。署名した課別ブックは shinchoku split（鍵ファイルを使います）で作ってください。',
            })}`
          : null}
      </MessageBarBody>
    </MessageBar>
  );
}
