import type { Connection, EngineLoader, FileSaver } from './services';
import { StatusHeader } from './components/StatusHeader';
import { useWorkspace } from './hooks/useWorkspace';
import { CheckSection } from './features/check/CheckSection';
import { ProgressSection } from './features/progress/ProgressSection';
import { RevisionSection } from './features/revision/RevisionSection';
import { DownloadSection } from './features/file/DownloadSection';

/** Everything the pane does with one workbook, whatever holds it. */
export function Workspace(props: { connection: Connection; loadEngine: EngineLoader; saveFile: FileSaver }) {
  const workspace = useWorkspace(props.connection, props.loadEngine);
  const { connection } = props;
  return (
    <>
      <StatusHeader label={connection.gateway.label} analysis={workspace.state.analysis} />
      <CheckSection workspace={workspace} canSelectInSheet={Boolean(connection.selectCell)} />
      <ProgressSection workspace={workspace} />
      <RevisionSection workspace={workspace} />
      {connection.toBuffer ? (
        <DownloadSection workspace={workspace} fileName={connection.gateway.label} save={props.saveFile} />
      ) : null}
    </>
  );
}
