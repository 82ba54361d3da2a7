import type { PaneSession } from '../session/usePaneSession';
import type { Connection, FileSaver, ToolsLoader } from '../services';
import { CompileSection } from './compile/CompileSection';
import { DepartmentSection } from './departments/DepartmentSection';
import { PlanSection } from './plan/PlanSection';

/**
 * The coordinator's sections (課別シート・課別ブック, 取りまとめ, 計画). A chunk of their own: most
 * people open the pane to check their own sheet, and should not wait for these controls.
 */
export default function CoordinatorSections(props: {
  session: PaneSession;
  connection: Connection;
  loadTools: ToolsLoader;
  saveFile: FileSaver;
}) {
  return (
    <>
      <DepartmentSection session={props.session} connection={props.connection} loadTools={props.loadTools} save={props.saveFile} />
      <CompileSection
        session={props.session}
        connection={props.connection}
        loadTools={props.loadTools}
        canDownload={Boolean(props.connection.toBuffer)}
      />
      <PlanSection session={props.session} connection={props.connection} />
    </>
  );
}
