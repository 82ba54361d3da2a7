import { lazy, Suspense, useEffect, useRef } from 'react';
import type { Connection, EngineLoader, FileSaver, ToolsLoader } from './services';
import { StatusHeader } from './components/StatusHeader';
import { YearPicker } from './components/YearPicker';
import { useLiveCheck } from './hooks/useLiveCheck';
import { useWorkspace } from './hooks/useWorkspace';
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
export function Workspace(props: { connection: Connection; loadEngine: EngineLoader; loadTools: ToolsLoader; saveFile: FileSaver }) {
  const { connection } = props;
  const workspace = useWorkspace(connection, props.loadEngine);
  const live = useLiveCheck(workspace, connection);
  const charts = useTrendCharts(workspace, connection, props.loadTools);
  const { state, identify } = workspace;
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
      {kind === 'unknown' ? <UnknownWorkbook workspace={workspace} /> : null}
      {kind === 'coordinator' || kind === undefined ? (
        <YearPicker year={state.year} autoYear={state.autoYear} analysis={state.analysis} onChange={workspace.setYear} />
      ) : null}
      {kind !== 'unknown' ? <CheckSection workspace={workspace} canSelectInSheet={Boolean(connection.selectCell)} live={live} /> : null}
      {kind === 'coordinator' ? (
        <>
          <ProgressSection workspace={workspace} connection={connection} charts={charts} />
          <RevisionSection workspace={workspace} />
          <Suspense fallback={null}>
            <CoordinatorSections workspace={workspace} connection={connection} loadTools={props.loadTools} saveFile={props.saveFile} />
          </Suspense>
          {connection.toBuffer ? <DownloadSection workspace={workspace} fileName={connection.gateway.label} save={props.saveFile} /> : null}
        </>
      ) : null}
    </>
  );
}
