import { lazy, Suspense, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyIndicator } from './components/BusyIndicator';

/**
 * The workspace (every feature over an open workbook) is its own chunk: outside Excel the first
 * screen is only ファイルを開く, and it should not wait for code it cannot use yet.
 */
const Workspace = lazy(() => import(/* webpackChunkName: "workspace" */ './Workspace').then((m) => ({ default: m.Workspace })));

export function LazyWorkspace(props: ComponentProps<typeof Workspace>) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<BusyIndicator label={t('app.connecting')} />}>
      <Workspace {...props} />
    </Suspense>
  );
}
