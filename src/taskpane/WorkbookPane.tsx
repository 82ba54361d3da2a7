import { lazy, Suspense, useEffect, useRef } from 'react';
import type { Connection, EngineLoader, FileSaver, ToolsLoader } from './services';
import { StatusHeader } from './components/StatusHeader';
import { YearPicker } from './components/YearPicker';
import { useLiveCheck } from './hooks/useLiveCheck';
import { usePaneSession } from './session/usePaneSession';
import { CheckSection } from './features/check/CheckSection';
import { UnknownWorkbook } from './features/mode/UnknownWorkbook';
import { ProgressSection } from './features/progress/ProgressSection';
import { useTrendCharts } from './features/progress/useTrendCharts';
import { RevisionSection } from './features/revision/RevisionSection';
import { DownloadSection } from './features/file/DownloadSection';

const CoordinatorSections = lazy(
  () => import(/* webpackChunkName: "coordinator", webpackPrefetch: true */ './features/CoordinatorSections'),
);

/**
 * Everything the pane does with one workbook, whatever holds it. The workbook is read once on
 * opening to know whose it is: the coordinator gets every tool, a clerk only their check, and a
 * workbook of no known kind only how to get one.
 */
export function WorkbookPane(props: { connection: Connection; loadEngine: EngineLoader; loadTools: ToolsLoader; saveFile: FileSaver }) {
  const { connection } = props;
  const session = usePaneSession(connection, props.loadEngine);
  const live = useLiveCheck(session, connection);
  const charts = useTrendCharts(session, connection, props.loadTools);
  const { state, identify } = session;
  const opened = useRef(false);
  // Read once the edit watch is set, so the live check can build on this read instead of reading again.
  useEffect(() => {
    if (opened.current || !live.settled) return;
    opened.current = true;
    void identify();
  }, [identify, live.settled]);
  const kind = state.mode?.kind;
  return (
    <>
      <StatusHeader label={connection.gateway.label} analysis={state.analysis} mode={state.mode} />
      {kind === 'unknown' ? <UnknownWorkbook session={session} /> : null}
      {kind === 'coordinator' || kind === undefined ? (
        <YearPicker year={state.year} autoYear={state.autoYear} analysis={state.analysis} onChange={session.setYear} />
      ) : null}
      {kind !== 'unknown' ? <CheckSection session={session} canSelectInSheet={Boolean(connection.selectCell)} live={live} /> : null}
      {kind === 'coordinator' ? (
        <>
          <ProgressSection session={session} connection={connection} charts={charts} />
          <RevisionSection session={session} />
          <Suspense fallback={null}>
            <CoordinatorSections session={session} connection={connection} loadTools={props.loadTools} saveFile={props.saveFile} />
          </Suspense>
          {connection.toBuffer ? <DownloadSection session={session} fileName={connection.gateway.label} save={props.saveFile} /> : null}
        </>
      ) : null}
    </>
  );
}
