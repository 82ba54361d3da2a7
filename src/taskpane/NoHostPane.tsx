import { useState } from 'react';
import type { Connection, EngineLoader, FileOpener, FileSaver, ToolsLoader } from './services';
import { FileOpenSection } from './features/file/FileOpenSection';
import { LazyWorkbookPane as WorkbookPane } from './LazyWorkbookPane';

interface Opened {
  connection: Connection;
  fileName: string;
  /** Bumped on every open, so a new file starts with a fresh pane and session. */
  generation: number;
}

/** Outside Excel: open a file first, then work on it exactly as in Excel, then download. */
export function NoHostPane(props: { openFile: FileOpener; loadEngine: EngineLoader; loadTools: ToolsLoader; saveFile: FileSaver }) {
  const [opened, setOpened] = useState<Opened>();
  return (
    <>
      <FileOpenSection
        openFile={props.openFile}
        fileName={opened?.fileName}
        onOpened={(connection, fileName) => setOpened((prev) => ({ connection, fileName, generation: (prev?.generation ?? 0) + 1 }))}
      />
      {opened ? (
        <WorkbookPane
          key={opened.generation}
          connection={opened.connection}
          loadEngine={props.loadEngine}
          loadTools={props.loadTools}
          saveFile={props.saveFile}
        />
      ) : null}
    </>
  );
}
