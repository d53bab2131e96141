import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';

/** What the folder chooser needs of Electron: the dialog module, and the window to attach it to. */
export type FolderDialog = Pick<Dialog, 'showOpenDialog'>;

const OPTIONS: OpenDialogOptions = { properties: ['openDirectory', 'dontAddToRecent'] };

/**
 * "Choose folder…": the OS's own folder dialog, opened by main, so the path of an import comes
 * from the operator's choice in the dialog and not from text the renderer sends. Null when cancelled.
 */
export function createChooseFolder(dialog: FolderDialog, window: () => BrowserWindow | null): () => Promise<string | null> {
  return async () => {
    const parent = window();
    const result = parent === null ? await dialog.showOpenDialog(OPTIONS) : await dialog.showOpenDialog(parent, OPTIONS);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
