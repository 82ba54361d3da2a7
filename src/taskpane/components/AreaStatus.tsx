import { useTranslation } from 'react-i18next';
import type { Area, Workspace } from '../hooks/useWorkspace';
import { paneErrorText } from '../hooks/paneError';
import { BusyIndicator } from './BusyIndicator';
import { ErrorBar } from './ErrorBar';

/** The spinner (after a third of a second) and the error of one area of the workspace. */
export function AreaStatus({ workspace, area }: { workspace: Workspace; area: Area }) {
  const { t } = useTranslation();
  const { busy, error } = workspace.state;
  return (
    <>
      <BusyIndicator label={busy?.area === area ? t(`busy.${busy.operation}`) : undefined} />
      {error?.area === area ? (
        <ErrorBar message={paneErrorText(error.error, t)} onDismiss={workspace.dismissError} />
      ) : null}
    </>
  );
}
