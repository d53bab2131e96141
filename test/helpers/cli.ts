import { spawn } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The two ways a desk runs the CLI: the npm bin (Node) and the installed app (`"Enroll Desk" --cli`). */
export interface CliHost {
  readonly name: string;
  readonly entry: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

/** The npm bin, held to the bundle in out/cli: a missing or stale bundle fails the run rather than falling back to tsx. */
export const binHost: CliHost = { name: 'bin/enroll-desk', entry: ['bin/enroll-desk'], env: { ENROLL_DESK_CLI: 'bundle' } };
/** out/main/index.js with electron replaced by a stand-in, started as the packaged app is. */
export const appHost: CliHost = { name: 'the app with --cli', entry: ['test/helpers/app-cli/run-app-cli.mjs'], env: {} };
export const cliHosts: readonly CliHost[] = [binHost, appHost];

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(host: CliHost, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [...host.entry, ...args], { cwd: repoRoot, env: { ...process.env, ...host.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
