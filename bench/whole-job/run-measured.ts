import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { repoRoot } from './sandbox-process.js';

export interface MeasuredRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** The process's peak resident set (VmHWM), bytes; polled, so the last reading before exit. */
  readonly peakRss: number;
}

const KB = 1024;

function highWaterMark(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * KB : null;
  } catch {
    return null;
  }
}

/** Runs `node bin/enroll-desk …`, timing it and polling its peak RSS every 50 ms. */
export function runCliMeasured(args: readonly string[], env: NodeJS.ProcessEnv): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/enroll-desk', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let peakRss = 0;
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const poll = setInterval(() => {
    if (child.pid !== undefined) peakRss = Math.max(peakRss, highWaterMark(child.pid) ?? 0);
  }, 50);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ code, stdout, stderr, ms: performance.now() - started, peakRss });
    });
  });
}
