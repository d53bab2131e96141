import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ BrowserWindow: { getAllWindows: vi.fn((): unknown[] => []) } }));
vi.mock('electron', () => electron);

const { createWindowEventSink } = await import('./event-sink.js');
const { APP_ORIGIN } = await import('../security/app-origin.js');

function fakeWindow(url: string, destroyed = false) {
  const contents = { getURL: () => url, isDestroyed: () => destroyed, send: vi.fn() };
  return { window: { isDestroyed: () => destroyed, webContents: contents }, send: contents.send };
}

describe('window event sink', () => {
  it('sends events to live app windows only', () => {
    const app = fakeWindow('app://enroll-desk/index.html');
    const foreign = fakeWindow('https://evil.example/');
    const closed = fakeWindow('app://enroll-desk/index.html', true);
    electron.BrowserWindow.getAllWindows.mockReturnValue([app.window, foreign.window, closed.window]);
    const payload = { state: 'signedOut', rememberedEmail: null, serverUrl: null } as const;
    createWindowEventSink([APP_ORIGIN])('session:changed', payload);
    expect(app.send).toHaveBeenCalledWith('session:changed', payload);
    expect(foreign.send).not.toHaveBeenCalled();
    expect(closed.send).not.toHaveBeenCalled();
  });
});
