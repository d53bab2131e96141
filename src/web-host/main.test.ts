import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('browser mode entry', () => {
  it('explains a missing OS keychain in two plain lines and exits 1, without a stack trace', () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-main-'));
    try {
      // No session bus and no display: keytar cannot reach any Secret Service.
      const env: NodeJS.ProcessEnv = { ...process.env, ENROLL_DESK_DATA: data };
      delete env.DBUS_SESSION_BUS_ADDRESS;
      delete env.DISPLAY;
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/web-host/main.ts', '--port', '0'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Enroll Desk could not start: The OS keychain is not available.');
      expect(run.stderr).toContain('start a Secret Service');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).not.toContain('Open:');
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
