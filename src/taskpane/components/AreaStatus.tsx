import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Area, BusyDetail, PaneSession } from '../session/usePaneSession';
import { paneErrorText } from '../state/paneError';
import { BusyIndicator } from './BusyIndicator';
import { ErrorBar } from './ErrorBar';

/** What is under way, with its step (`（2/5）生涯学習課.xlsx`) once the task reports one. */
function busyText(operation: string, detail: BusyDetail | undefined, t: TFunction): string {
  const what = t(`busy.${operation}`);
  return detail ? `${what} ${t('busy.step', detail)}` : what;
}

/** The spinner (after a third of a second) and the error of one area of the pane. */
export function AreaStatus({ session, area }: { session: PaneSession; area: Area }) {
  const { t } = useTranslation();
  const { busy, errors } = session.state;
  const error = errors[area];
  return (
    <>
      <BusyIndicator label={busy?.area === area ? busyText(busy.operation, busy.detail, t) : undefined} />
      {error ? <ErrorBar message={paneErrorText(error, t)} onDismiss={() => session.dismissError(area)} /> : null}
    </>
  );
}
