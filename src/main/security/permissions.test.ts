import type { Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from './app-origin.js';
import { installPermissionPolicy } from './permissions.js';

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean;

function fakeSession() {
  const handlers: { request?: RequestHandler; check?: CheckHandler; device?: (details: object) => boolean } = {};
  const session = {
    setPermissionRequestHandler: (h: RequestHandler) => (handlers.request = h),
    setPermissionCheckHandler: (h: CheckHandler) => (handlers.check = h),
    setDevicePermissionHandler: (h: (details: object) => boolean) => (handlers.device = h),
  };
  return { session: session as unknown as Session, handlers };
}

const APP_URL = 'app://enroll-desk/index.html';

describe('permission policy', () => {
  let handlers: ReturnType<typeof fakeSession>['handlers'];

  beforeEach(() => {
    const fake = fakeSession();
    installPermissionPolicy(fake.session, [APP_ORIGIN]);
    handlers = fake.handlers;
  });

  function request(permission: string, details: object): boolean {
    const callback = vi.fn();
    handlers.request?.({}, permission, callback, details);
    expect(callback).toHaveBeenCalledTimes(1);
    return callback.mock.calls[0]?.[0] as boolean;
  }

  it('grants the camera to the app main frame', () => {
    expect(
      request('media', { requestingUrl: APP_URL, securityOrigin: 'app://enroll-desk/', isMainFrame: true, mediaTypes: ['video'] }),
    ).toBe(true);
  });

  it('denies the microphone, and camera+microphone together', () => {
    expect(request('media', { requestingUrl: APP_URL, isMainFrame: true, mediaTypes: ['audio'] })).toBe(false);
    expect(request('media', { requestingUrl: APP_URL, isMainFrame: true, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(request('media', { requestingUrl: APP_URL, isMainFrame: true, mediaTypes: [] })).toBe(false);
  });

  it('denies the camera to foreign origins and subframes', () => {
    expect(request('media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
    expect(
      request('media', { requestingUrl: APP_URL, securityOrigin: 'https://evil.example/', isMainFrame: true, mediaTypes: ['video'] }),
    ).toBe(false);
    expect(request('media', { requestingUrl: APP_URL, isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
  });

  it.each(['geolocation', 'notifications', 'display-capture', 'clipboard-read', 'midi', 'openExternal', 'fullscreen', 'hid', 'usb', 'serial'])(
    'denies %s even to the app',
    (permission) => {
      expect(request(permission, { requestingUrl: APP_URL, isMainFrame: true })).toBe(false);
      expect(handlers.check?.({}, permission, APP_ORIGIN, { requestingUrl: APP_URL, isMainFrame: true })).toBe(false);
    },
  );

  it('answers permission checks the same way', () => {
    expect(handlers.check?.({}, 'media', APP_ORIGIN, { isMainFrame: true, mediaType: 'video', securityOrigin: APP_ORIGIN })).toBe(true);
    expect(handlers.check?.({}, 'media', APP_ORIGIN, { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(handlers.check?.({}, 'media', APP_ORIGIN, { isMainFrame: true, mediaType: 'unknown' })).toBe(false);
    expect(handlers.check?.({}, 'media', 'https://evil.example', { isMainFrame: true, mediaType: 'video' })).toBe(false);
  });

  it('denies every device', () => {
    expect(handlers.device?.({ deviceType: 'usb', origin: APP_ORIGIN })).toBe(false);
  });
});
