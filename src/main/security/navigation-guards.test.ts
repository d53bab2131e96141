import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return { app: new Emitter(), shell: { openExternal: vi.fn(async () => undefined) } };
});
vi.mock('electron', () => electron);

const { installNavigationGuards } = await import('./navigation-guards.js');
const { APP_ORIGIN } = await import('./app-origin.js');

type OpenHandler = (details: { url: string }) => { action: string };

class FakeWebContents extends EventEmitter {
  openHandler: OpenHandler | null = null;
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
}

function navigation(url: string): { url: string; preventDefault: ReturnType<typeof vi.fn> } {
  return { url, preventDefault: vi.fn() };
}

describe('navigation guards', () => {
  let contents: FakeWebContents;

  beforeEach(() => {
    electron.shell.openExternal.mockClear();
    electron.app.removeAllListeners();
    installNavigationGuards([APP_ORIGIN]);
    contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
  });

  it('lets the app navigate within its own origin', () => {
    const event = navigation('app://enroll-desk/index.html#/queue');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://localhost:5173/'])(
    'prevents will-navigate to %s',
    (url) => {
      const event = navigation(url);
      contents.emit('will-navigate', event);
      expect(event.preventDefault).toHaveBeenCalled();
      expect(electron.shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('sends an allowlisted documentation link to the browser instead of navigating', () => {
    const event = navigation('https://doc.ozforensics.com/');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://doc.ozforensics.com/');
  });

  it('prevents redirects off the app origin', () => {
    const foreign = navigation('https://evil.example/');
    contents.emit('will-redirect', foreign);
    expect(foreign.preventDefault).toHaveBeenCalled();
    const own = navigation('app://enroll-desk/index.html');
    contents.emit('will-redirect', own);
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every window.open; only allowlisted https goes to the browser', () => {
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://enroll-desk/index.html' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://ozforensics.com/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://ozforensics.com/');
  });

  it('prevents attaching webviews', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('allows the dev server only when it is a trusted origin', () => {
    electron.app.removeAllListeners();
    installNavigationGuards([APP_ORIGIN, 'http://localhost:5173']);
    const dev = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, dev);
    const event = navigation('http://localhost:5173/');
    dev.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });
});
