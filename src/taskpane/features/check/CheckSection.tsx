import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { countBySeverity } from '../../../plan';
import { AreaStatus } from '../../components/AreaStatus';
import { Section } from '../../components/Section';
import type { LiveCheck } from '../../hooks/useLiveCheck';
import type { Workspace } from '../../hooks/useWorkspace';
import { CheckSummary } from './CheckSummary';
import { FindingGroups } from './FindingGroups';
import { LiveFindings } from './LiveFindings';

const useStyles = makeStyles({
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** 提出前チェック: counts, the verdict, and the findings grouped by sheet. */
export function CheckSection({ workspace, canSelectInSheet, live }: { workspace: Workspace; canSelectInSheet: boolean; live?: LiveCheck }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { state } = workspace;
  const findings = state.analysis?.findings ?? [];
  const counts = countBySeverity(findings);
  return (
    <Section
      title={t('check.heading')}
      description={t('check.description')}
      action={
        <Button appearance="primary" onClick={() => void workspace.check()}>
          {t('check.button')}
        </Button>
      }
      status={<AreaStatus workspace={workspace} area="check" />}
    >
      {live ? <LiveFindings live={live} workspace={workspace} /> : null}
      {state.checked && state.analysis ? (
        <>
          <CheckSummary errors={counts.errors} warnings={counts.warnings} />
          {findings.length > 0 ? (
            <>
              <p className={styles.hint}>{t(canSelectInSheet ? 'check.selectHint' : 'check.showHint')}</p>
              <FindingGroups
                findings={findings}
                detail={state.detail}
                onSelect={(sheet, cell, origin) => void workspace.select(sheet, cell, origin)}
                onCloseDetail={workspace.closeDetail}
              />
            </>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
