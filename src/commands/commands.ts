/**
 * Function file of the ribbon (FunctionFile in manifest.xml). The one button, 提出前チェック,
 * opens the task pane through ShowTaskpane and needs no code here; Office still loads this page
 * in a hidden frame, so it must initialise cleanly — also when office.js failed to load.
 * A future ExecuteFunction button registers its handler here with Office.actions.associate.
 */

/** The slice of office.js this page touches, so it runs (and can be tested) without Office. */
export interface OfficeLike {
  onReady(): Promise<unknown>;
  actions?: { associate(name: string, handler: (event: { completed(): void }) => void): void };
}

export type CommandHandlers = Record<string, (event: { completed(): void }) => void | Promise<void>>;

/** Waits for Office and registers `handlers`; resolves false when there is no Office host. */
export async function startCommands(
  office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office,
  handlers: CommandHandlers = {},
): Promise<boolean> {
  if (!office || typeof office.onReady !== 'function') return false;
  try {
    await office.onReady();
  } catch {
    return false;
  }
  for (const [name, handler] of Object.entries(handlers)) {
    office.actions?.associate(name, (event) => {
      // A command must always call completed(), or Office shows it as still running.
      Promise.resolve()
        .then(() => handler(event))
        .catch(() => undefined)
        .finally(() => event.completed());
    });
  }
  return true;
}

void startCommands();
