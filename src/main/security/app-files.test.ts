import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentTypeFor, createAppFileHandler, resolveAppPath } from './app-files.js';

let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'enroll-desk-app-files-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Enroll Desk</title>');
  await writeFile(path.join(root, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'TOP SECRET');
  await writeFile(path.join(base, 'renderer-evil.txt'), 'SIBLING');
  handle = createAppFileHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET'): Promise<Response> => handle(new Request(url, { method }));

describe('app: file handler', () => {
  it('serves index.html for the root with the strict CSP and nosniff', async () => {
    const res = await get('app://enroll-desk/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Enroll Desk</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their content type', async () => {
    const res = await get('app://enroll-desk/assets/main.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it.each([
    'app://enroll-desk/../secret.txt',
    'app://enroll-desk/%2e%2e/secret.txt',
    'app://enroll-desk/..%2fsecret.txt',
    'app://enroll-desk/..%5csecret.txt',
    'app://enroll-desk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://enroll-desk/%2e%2e%2frenderer-evil.txt',
    'app://enroll-desk/assets/..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://enroll-desk/index.html%00.png',
    'app://enroll-desk/%E0%A4%A',
    'app://other-host/index.html',
    'app://enroll-desk.evil/index.html',
  ])('refuses %s with a 404 that still carries the CSP', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain('SECRET');
    expect(body).not.toContain('SIBLING');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for missing files and directories', async () => {
    expect((await get('app://enroll-desk/nope.js')).status).toBe(404);
    expect((await get('app://enroll-desk/assets/')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://enroll-desk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://enroll-desk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('resolveAppPath', () => {
  it('maps URLs inside the root and nothing else', () => {
    expect(resolveAppPath(root, 'app://enroll-desk/assets/main.js')).toBe(path.join(root, 'assets', 'main.js'));
    expect(resolveAppPath(root, 'app://enroll-desk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'https://enroll-desk/index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });
});

describe('CSP and content types', () => {
  it('allows only the app itself, inline styles, camera streams and WebAssembly (face detector)', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d] as const));
    expect(directives.get('default-src')).toBe("default-src 'self'");
    expect(directives.get('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(directives.get('media-src')).toBe("media-src 'self' blob: mediastream:");
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    // WebAssembly compilation only: JavaScript eval stays forbidden.
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
  });

  it('falls back to octet-stream for unknown extensions', () => {
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.WASM')).toBe('application/wasm');
    expect(contentTypeFor('a.exe')).toBe('application/octet-stream');
  });
});
