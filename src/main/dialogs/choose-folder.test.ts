import type { BrowserWindow, OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createChooseFolder, type FolderDialog } from './choose-folder.js';

// The Electron binary cannot run here: the seam is the dialog module, replaced by one that answers like Electron's.
function fakeDialog(answer: OpenDialogReturnValue) {
  const calls: { parent: unknown; options: OpenDialogOptions }[] = [];
  const showOpenDialog = vi.fn(async (a: unknown, b?: OpenDialogOptions) => {
    calls.push(b === undefined ? { parent: null, options: a as OpenDialogOptions } : { parent: a, options: b });
    return answer;
  });
  return { dialog: { showOpenDialog } as unknown as FolderDialog, calls };
}

describe('createChooseFolder', () => {
  const window = {} as BrowserWindow;

  it('opens a folder-only dialog on the main window and returns the chosen path', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/home/desk/persons'] });
    expect(await createChooseFolder(dialog, () => window)()).toBe('/home/desk/persons');
    expect(calls).toEqual([{ parent: window, options: { properties: ['openDirectory', 'dontAddToRecent'] } }]);
  });

  it('returns null when the operator cancels', async () => {
    const { dialog } = fakeDialog({ canceled: true, filePaths: [] });
    expect(await createChooseFolder(dialog, () => window)()).toBeNull();
  });

  it('still opens without a window (e.g. while it is being recreated)', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/srv/a'] });
    expect(await createChooseFolder(dialog, () => null)()).toBe('/srv/a');
    expect(calls[0]?.parent).toBeNull();
  });
});
