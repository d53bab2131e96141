import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { installNetworkLockdown } from './network-lockdown.js';

type Listener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

function lockedSession(devServerUrl?: string): (url: string) => boolean {
  let listener: Listener | null = null;
  const session = { webRequest: { onBeforeRequest: (l: Listener) => (listener = l) } } as unknown as Session;
  installNetworkLockdown(session, devServerUrl);
  return (url) => {
    let cancelled: boolean | undefined;
    listener?.({ url }, (response) => (cancelled = response.cancel));
    if (cancelled === undefined) throw new Error('listener did not answer');
    return cancelled;
  };
}

describe('network lockdown', () => {
  it.each([
    'https://api.ozforensics.com/api/authorize/auth',
    'http://127.0.0.1:8080/api/collections',
    'http://localhost:5173/',
    'ws://127.0.0.1:9000/',
    'wss://evil.example/',
    'file:///etc/passwd',
    'ftp://evil.example/',
  ])('cancels %s from the renderer', (url) => {
    expect(lockedSession()(url)).toBe(true);
  });

  it.each(['app://enroll-desk/assets/main.js', 'data:image/png;base64,AAAA', 'blob:app://enroll-desk/123', 'devtools://devtools/bundled/x.html'])(
    'lets local %s through',
    (url) => {
      expect(lockedSession()(url)).toBe(false);
    },
  );

  it('lets the dev server and its HMR socket through in development only', () => {
    const dev = lockedSession('http://localhost:5173/');
    expect(dev('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(dev('ws://localhost:5173/')).toBe(false);
    expect(dev('http://localhost:5174/')).toBe(true);
    expect(dev('https://evil.example/')).toBe(true);
    expect(lockedSession('http://evil.example:5173/')('http://evil.example:5173/')).toBe(true);
  });
});
