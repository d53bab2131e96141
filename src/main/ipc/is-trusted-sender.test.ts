import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../security/app-origin.js';
import { isTrustedSender, type SenderFrame } from './is-trusted-sender.js';

function topFrame(url: string): SenderFrame {
  const frame: { url: string; parent: SenderFrame | null; top: SenderFrame | null } = { url, parent: null, top: null };
  frame.top = frame;
  return frame;
}

function subFrame(url: string, parent: SenderFrame): SenderFrame {
  return { url, parent, top: parent };
}

describe('isTrustedSender', () => {
  const origins = [APP_ORIGIN];

  it('trusts the app main frame', () => {
    expect(isTrustedSender(topFrame('app://enroll-desk/index.html'), origins)).toBe(true);
  });

  it('refuses foreign pages, subframes and vanished frames', () => {
    expect(isTrustedSender(topFrame('https://evil.example/'), origins)).toBe(false);
    expect(isTrustedSender(topFrame('app://enroll-desk.evil/index.html'), origins)).toBe(false);
    expect(isTrustedSender(topFrame('file:///index.html'), origins)).toBe(false);
    expect(isTrustedSender(topFrame('about:blank'), origins)).toBe(false);
    expect(isTrustedSender(subFrame('app://enroll-desk/index.html', topFrame('app://enroll-desk/index.html')), origins)).toBe(false);
    expect(isTrustedSender(null, origins)).toBe(false);
    expect(isTrustedSender(undefined, origins)).toBe(false);
  });

  it('trusts the dev server only when it is among the origins', () => {
    const dev = topFrame('http://localhost:5173/');
    expect(isTrustedSender(dev, origins)).toBe(false);
    expect(isTrustedSender(dev, [APP_ORIGIN, 'http://localhost:5173'])).toBe(true);
  });
});
