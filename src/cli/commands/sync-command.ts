import { type Command } from 'commander';
import cliProgress from 'cli-progress';
import { createOzClient } from '../../core/oz/index.js';
import { createSyncWorker, openQueue, type SyncReport } from '../../core/queue/index.js';
import { toAppError } from '../../core/errors/to-app-error.js';
import { DATA_FLAGS, DATA_HELP } from '../data-option.js';
import { dataDirOf, defaultQueueCliDeps, type QueueCliDeps } from './queue-command.js';

interface SyncOptions {
  readonly json?: boolean;
  readonly server?: string;
  readonly email?: string;
  readonly passwordEnv: string;
  readonly concurrency: string;
}

/**
 * `enroll-desk sync`: drains the queue to the Oz API. Exit 0 when drained, 1 when items
 * remain in quarantine, 2 on connection, sign-in or usage errors.
 */
export function registerSyncCommand(program: Command, deps: QueueCliDeps = defaultQueueCliDeps): void {
  program
    .command('sync')
    .description('Send the queued enrollments to the Oz API now')
    .option('--json', 'print one JSON object with the result instead of a progress bar')
    .option('--server <url>', 'Oz API URL (default: $OZ_API_URL)')
    .option('--email <email>', 'Oz user (default: $OZ_EMAIL)')
    .option('--password-env <var>', 'environment variable holding the password', 'OZ_PASSWORD')
    .option('--concurrency <n>', 'requests in flight', '2')
    .option(DATA_FLAGS, DATA_HELP)
    .action(async (options: SyncOptions, command: Command) => {
      process.exitCode = await runSync(options, dataDirOf(command), deps);
    });
}

async function runSync(options: SyncOptions, dataDir: string, deps: QueueCliDeps): Promise<number> {
  const server = options.server ?? process.env['OZ_API_URL'];
  const email = options.email ?? process.env['OZ_EMAIL'];
  const password = process.env[options.passwordEnv];
  const concurrency = Number(options.concurrency);
  if (server === undefined || email === undefined || password === undefined || !(concurrency >= 1 && concurrency <= 16)) {
    return usage(options, 'Need --server (or OZ_API_URL), --email (or OZ_EMAIL), the password in $' + options.passwordEnv + ' and --concurrency 1..16.');
  }
  const { client, session } = createOzClient({ baseUrl: server, email, password });
  try {
    await session.signIn();
  } catch (err) {
    return usage(options, `Cannot sign in to ${server}: ${toAppError(err).message}`);
  }
  const queue = await openQueue({ dataDir, secretStore: deps.secretStore() });
  try {
    const worker = createSyncWorker({ queue, getClient: () => client, concurrency });
    const total = queue.status().pending;
    const bar = options.json === true || total === 0 ? null : new cliProgress.SingleBar({ stream: process.stderr, format: 'sync [{bar}] {value}/{total} {state}' }, cliProgress.Presets.shades_classic);
    bar?.start(total, 0, { state: '' });
    const report = await worker.syncNow({
      onProgress: (s) => bar?.update(Math.max(0, total - s.pending), { state: s.counts.retryWait > 0 ? `(${s.counts.retryWait} waiting to retry)` : '' }),
    });
    bar?.stop();
    await worker.stop();
    const status = queue.status();
    const code = exitCode(report, status.counts.quarantined);
    if (options.json === true) process.stdout.write(`${JSON.stringify({ report, status, exitCode: code })}\n`);
    else process.stdout.write(`${summary(report, status.counts.quarantined)}\n`);
    return code;
  } finally {
    queue.close();
  }
}

function exitCode(report: SyncReport, quarantined: number): number {
  if (report.stoppedBy !== 'drained') return 2;
  return quarantined > 0 ? 1 : 0;
}

function summary(report: SyncReport, quarantined: number): string {
  const base = `sent ${report.sent}, quarantined ${quarantined}, remaining ${report.remaining}`;
  switch (report.stoppedBy) {
    case 'drained':
      return quarantined > 0 ? `${base} — fix or discard the quarantined items (enroll-desk queue).` : `${base} — queue drained.`;
    case 'offline':
      return `${base} — the Oz API is unreachable; try again later.`;
    case 'paused':
      return `${base} — stopped: the server refused the credentials or permissions.`;
    case 'stopped':
      return `${base} — stopped.`;
  }
}

function usage(options: SyncOptions, message: string): number {
  if (options.json === true) process.stdout.write(`${JSON.stringify({ error: message, exitCode: 2 })}\n`);
  else process.stderr.write(`enroll-desk sync: ${message}\n`);
  return 2;
}
