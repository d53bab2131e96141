import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

const { installAppProtocol, registerAppScheme } = await import('./app-protocol.js');
const { CONTENT_SECURITY_POLICY } = await import('./app-files.js');

describe('app protocol', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir !== null) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('registers app: as standard, secure and fetch-capable', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer folder on app: with the CSP on every response', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'enroll-desk-protocol-'));
    await writeFile(path.join(dir, 'index.html'), '<p>hi</p>');
    installAppProtocol(dir);
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const ok = await handler(new Request('app://enroll-desk/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const traversal = await handler(new Request('app://enroll-desk/%2e%2e%2fetc%2fpasswd'));
    expect(traversal.status).toBe(404);
    expect(traversal.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
