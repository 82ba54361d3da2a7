import { lazy, Suspense, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyIndicator } from './components/BusyIndicator';

/**
 * The workbook pane (every feature over an open workbook) is its own chunk: outside Excel the first
 * screen is only ファイルを開く, and it should not wait for code it cannot use yet.
 */
const WorkbookPane = lazy(() => import(/* webpackChunkName: "pane" */ './WorkbookPane').then((m) => ({ default: m.WorkbookPane })));

export function LazyWorkbookPane(props: ComponentProps<typeof WorkbookPane>) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<BusyIndicator label={t('app.connecting')} />}>
      <WorkbookPane {...props} />
    </Suspense>
  );
}
