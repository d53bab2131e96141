import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async () => undefined) } }));
vi.mock('electron', () => electron);

const { isAllowedExternalUrl, openExternalSafely } = await import('./open-external.js');

describe('openExternalSafely', () => {
  beforeEach(() => electron.shell.openExternal.mockClear());

  it('opens allowlisted https documentation links', async () => {
    expect(await openExternalSafely('https://doc.ozforensics.com/oz-knowledge/')).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://doc.ozforensics.com/oz-knowledge/');
  });

  it.each([
    'http://doc.ozforensics.com/',
    'https://evil.example/',
    'https://doc.ozforensics.com.evil.example/',
    'https://evilozforensics.com/',
    'https://user:pw@doc.ozforensics.com/',
    'https://doc.ozforensics.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://doc.ozforensics.com/share',
    'ms-msdt:/id',
    'not a url',
  ])('refuses %s without calling the shell', async (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
    expect(await openExternalSafely(url)).toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('reports false when the shell fails', async () => {
    electron.shell.openExternal.mockRejectedValueOnce(new Error('no browser'));
    expect(await openExternalSafely('https://ozforensics.com/')).toBe(false);
  });
});
