import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('enroll-desk sandbox', () => {
  it('prints one JSON line, serves the Oz API and stops cleanly on SIGTERM', async () => {
    dir = mkdtempSync(join(tmpdir(), 'enroll-desk-cli-'));
    const child = spawn(process.execPath, ['bin/enroll-desk', 'sandbox', '--port', '0', '--seed-demo', '--json', '--token-ttl', '60'], {
      cwd: join(import.meta.dirname, '../../..'),
      env: { ...process.env, ENROLL_DESK_DATA: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const [line] = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
      const info = JSON.parse(line ?? '') as { url: string; email: string; password: string; company_id: string };
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info.email).toBe('admin@demo.bank');
      const login = await fetch(`${info.url}/api/authorize/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ credentials: { email: info.email, password: info.password } }),
      });
      const body = (await login.json()) as { user: { company_id: string }; expire_date: number };
      expect(body.user.company_id).toBe(info.company_id);
      expect(body.expire_date).toBeLessThan(Date.now() / 1000 + 61);
      expect(existsSync(join(dir, 'sandbox', 'sandbox.db'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('--profile strict --json starts the strict profile with its media origin', async () => {
    dir = mkdtempSync(join(tmpdir(), 'enroll-desk-cli-'));
    const child = spawn(process.execPath, ['bin/enroll-desk', 'sandbox', '--profile', 'strict', '--seed-demo', '--json'], {
      cwd: join(import.meta.dirname, '../../..'),
      env: { ...process.env, ENROLL_DESK_DATA: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const [line] = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
      const info = JSON.parse(line ?? '') as { url: string; media_url: string; profile: string; email: string; password: string };
      expect(info.profile).toBe('strict');
      expect(info.media_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info.media_url).not.toBe(info.url);
      const login = await fetch(`${info.url}/api/authorize/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ credentials: { email: info.email, password: info.password } }),
      });
      const token = ((await login.json()) as { access_token: string }).access_token;
      const collections = await fetch(`${info.url}/api/collections/`, { headers: { 'X-Forensic-Access-Token': token } });
      const body = (await collections.json()) as Record<string, unknown>;
      expect(body).toEqual({ items: [expect.not.objectContaining({ persons_count: expect.anything() })] });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('exits with code 2 naming the choices on an unknown profile', async () => {
    dir = mkdtempSync(join(tmpdir(), 'enroll-desk-cli-'));
    const child = spawn(process.execPath, ['bin/enroll-desk', 'sandbox', '--profile', 'lenient'], {
      cwd: join(import.meta.dirname, '../../..'),
      env: { ...process.env, ENROLL_DESK_DATA: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('default, strict');
  });

  it('exits with code 2 and a clear message on a bad fault spec', async () => {
    dir = mkdtempSync(join(tmpdir(), 'enroll-desk-cli-'));
    const child = spawn(process.execPath, ['bin/enroll-desk', 'sandbox', '--faults', 'boom=1'], {
      cwd: join(import.meta.dirname, '../../..'),
      env: { ...process.env, ENROLL_DESK_DATA: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('unknown fault kind');
  });
});
