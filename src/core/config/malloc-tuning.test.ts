import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { execveWithTunedMalloc, MALLOC_TUNING, mallocTuningToApply, tunedEnvironment } from './malloc-tuning.js';

describe('glibc malloc tuning of long-running desk processes', () => {
  it('applies on Linux only, unless switched off or any variable is already set', () => {
    expect(mallocTuningToApply('linux', {})).toEqual({ MALLOC_MMAP_THRESHOLD_: '131072' });
    expect(mallocTuningToApply('darwin', {})).toBeNull();
    expect(mallocTuningToApply('win32', {})).toBeNull();
    expect(mallocTuningToApply('linux', { ENROLL_DESK_MALLOC_TUNING: 'off' })).toBeNull();
    expect(mallocTuningToApply('linux', { MALLOC_MMAP_THRESHOLD_: '65536' })).toBeNull();
    expect(tunedEnvironment('linux', { PATH: '/bin' })).toEqual({ PATH: '/bin', ...MALLOC_TUNING });
    expect(tunedEnvironment('linux', { MALLOC_MMAP_THRESHOLD_: '65536' })).toEqual({ MALLOC_MMAP_THRESHOLD_: '65536' });
  });

  it('execs the same Node with the same flags and arguments, adding only the variables', () => {
    const execve = vi.fn();
    const proc = { platform: 'linux' as const, env: { HOME: '/h' }, execPath: '/usr/bin/node', execArgv: ['--import', 'tsx'], argv: ['/usr/bin/node', 'main.ts', '--port', '0'] };
    execveWithTunedMalloc({ ...proc, execve: execve as never });
    expect(execve).toHaveBeenCalledWith('/usr/bin/node', ['/usr/bin/node', '--import', 'tsx', 'main.ts', '--port', '0'], { HOME: '/h', MALLOC_MMAP_THRESHOLD_: '131072' });
    execve.mockClear();
    execveWithTunedMalloc({ ...proc, env: { ...proc.env, ...MALLOC_TUNING }, execve: execve as never });
    expect(execve).not.toHaveBeenCalled();
    expect(() => execveWithTunedMalloc(proc)).not.toThrow();
  });

  it.runIf(process.platform === 'linux' && typeof (process as { execve?: unknown }).execve === 'function')('a real process becomes itself (same pid, same stdout) with the variable set, once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'enroll-desk-malloc-'));
    try {
      const script = join(dir, 'probe.mts');
      const module = pathToFileURL(join(import.meta.dirname, 'malloc-tuning.ts')).href;
      writeFileSync(script, `import { execveWithTunedMalloc } from '${module}';\nprocess.stdout.write('start\\n');\nexecveWithTunedMalloc(process);\nprocess.stdout.write(JSON.stringify({ pid: process.pid, threshold: process.env.MALLOC_MMAP_THRESHOLD_, args: process.argv.slice(2) }) + '\\n');\n`);
      const env = { ...process.env };
      delete env['MALLOC_MMAP_THRESHOLD_'];
      delete env['ENROLL_DESK_MALLOC_TUNING'];
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, 'a b', '--c'], { env, encoding: 'utf8', timeout: 30_000 });
      expect(run.status).toBe(0);
      const lines = run.stdout.trim().split('\n');
      expect(lines.slice(0, 2)).toEqual(['start', 'start']);
      expect(JSON.parse(lines[2] ?? '{}')).toEqual({ pid: run.pid, threshold: '131072', args: ['a b', '--c'] });
      expect(lines).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
