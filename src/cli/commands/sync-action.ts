import type Database from 'better-sqlite3';
import { deskScopeOf, type DeskScope } from '../../shared/domain/desk-scope.js';
import { policyServerProblem } from '../../shared/domain/policy.js';
import { openQueue, type EnrollmentQueue, type QueueStatus, type SyncReport } from '../../core/queue/index.js';
import type { SecretStore } from '../../core/secrets/secret-store.js';
import { SettingsStore } from '../../core/settings/settings-store.js';
import { openCliAuditLog } from '../cli-audit.js';
import { createDeskSyncWorker } from '../../core/services/enroll/index.js';
import { openDeskDb } from '../../core/storage/open-desk-db.js';
import { cliOzClient } from '../cli-oz-client.js';
import { serverUrlProblem } from '../../shared/domain/server-url.js';
import { describeDuration, parseDuration } from '../duration-option.js';
import { signInPatiently, startupRetryMs } from '../sign-in.js';
import { CLI_BACKOFF, CLI_PROBE_INTERVAL_MS, drainWithin } from './drain.js';
import { EXIT } from './import-report.js';
import type { QueueCliDeps } from './queue-command.js';
import type { CleanupPassResult } from '../../core/services/duplicates/index.js';
import { syncCheckCleanups } from './sync-check-cleanups.js';

export interface SyncOptions {
  readonly json?: boolean;
  readonly server?: string;
  readonly email?: string;
  readonly passwordEnv: string;
  readonly concurrency: string;
  readonly wait: string;
}

/** Sends this server and account's queue through the desk's sync worker for up to `--wait`; resolves to the exit code. */
export async function runSync(options: SyncOptions, dataDir: string, deps: QueueCliDeps): Promise<number> {
  const server = options.server ?? process.env['OZ_API_URL'];
  const email = options.email ?? process.env['OZ_EMAIL'];
  const password = process.env[options.passwordEnv];
  const concurrency = Number(options.concurrency);
  const budget = parseDuration(options.wait);
  if (server === undefined || email === undefined || password === undefined || !(concurrency >= 1 && concurrency <= 16) || budget === null) {
    return usage(options, `Need --server (or OZ_API_URL), --email (or OZ_EMAIL), the password in $${options.passwordEnv}, --concurrency 1..16 and a --wait duration such as 5m.`);
  }
  const problem = serverUrlProblem(server);
  if (problem !== null) return usage(options, `${server}: ${problem}`);
  const settings = new SettingsStore(dataDir);
  const secrets = deps.secretStore();
  const db = openDeskDb(dataDir);
  try {
    await openCliAuditLog({ db, dataDir, secrets, settings }, email);
    const scope = deskScopeOf(server, email);
    const queue = await openQueue({ dataDir, secretStore: secrets, db, scope: () => scope });
    try {
      // Checked again at every sync: the policy may have dropped the server since the items were queued.
      const refused = policyServerProblem(settings.policy.policy, server, settings.policy.file);
      if (refused !== null) return usage(options, `${refused} ${stayQueued(queue.status(scope).pending, server)}`);
      return await signInAndSend(options, { server, email, password, concurrency, budget }, { db, dataDir, queue, scope, secrets });
    } finally {
      queue.close();
    }
  } finally {
    db.close();
  }
}

interface SyncTarget {
  readonly server: string;
  readonly email: string;
  readonly password: string;
  readonly concurrency: number;
  readonly budget: number;
}

interface SyncDesk {
  readonly db: Database.Database;
  readonly dataDir: string;
  readonly queue: EnrollmentQueue;
  readonly scope: DeskScope;
  readonly secrets: SecretStore;
}

async function signInAndSend(options: SyncOptions, target: SyncTarget, desk: SyncDesk): Promise<number> {
  const { server, email, password, concurrency, budget } = target;
  const { client, session } = cliOzClient({ server, email, password });
  try {
    const signIn = await signInPatiently(session, server, startupRetryMs(budget));
    if ('refused' in signIn) return usage(options, signIn.refused);
    let report: SyncReport | null = null;
    if (signIn.online) {
      const worker = createDeskSyncWorker({ queue: desk.queue, db: desk.db, getClient: () => client, scope: () => desk.scope, concurrency, probeIntervalMs: CLI_PROBE_INTERVAL_MS, backoff: CLI_BACKOFF });
      worker.serverReachable();
      report = await drainWithin(worker, budget, { quiet: options.json === true, label: 'sync' });
    }
    const checks = signIn.online ? await syncCheckCleanups({ db: desk.db, dataDir: desk.dataDir, secrets: desk.secrets }, client, { server, account: email }) : null;
    // This server and account's items: those made for another wait for it (or a re-target), whatever this run does.
    const status = desk.queue.status(desk.scope);
    const code = exitCode(report, status);
    const why = signIn.online ? null : signIn.reason;
    if (options.json === true) process.stdout.write(`${JSON.stringify({ report, status, offlineReason: why, checksToCleanUp: checks?.remaining ?? null, exitCode: code })}\n`);
    else process.stdout.write(`${summary(report, status, why ?? `the time ran out (--wait ${describeDuration(budget)})`)}${cleanupLine(checks)}\n`);
    return code;
  } finally {
    session.signOut();
  }
}

function stayQueued(pending: number, server: string): string {
  if (pending === 0) return 'Nothing was sent.';
  return `${pending === 1 ? 'The 1 queued item' : `The ${pending} queued items`} made for ${server} ${pending === 1 ? 'stays' : 'stay'} queued; nothing was sent.`;
}

function cleanupLine(checks: CleanupPassResult | null): string {
  if (checks === null || checks.cleaned + checks.remaining === 0) return '';
  return `\n1:N checks cleaned up ${checks.cleaned}, still to clean up ${checks.remaining}`;
}

function exitCode(report: SyncReport | null, status: QueueStatus): number {
  if (report?.stoppedBy === 'paused') return EXIT.usage;
  if (status.counts.quarantined > 0) return EXIT.refused;
  return status.pending > 0 ? EXIT.queued : EXIT.ok;
}

function summary(report: SyncReport | null, status: QueueStatus, notSent: string): string {
  const { elsewhere } = status.counts;
  const away = elsewhere > 0 ? `; ${elsewhere} more made for another server or account wait for it (sign in there, or move them in the app's Sync screen)` : '';
  const base = `sent ${report?.sent ?? 0}, quarantined ${status.counts.quarantined}, still queued ${status.pending}${away}`;
  if (report?.stoppedBy === 'paused') return `${base} — stopped: the server refused the credentials or permissions; sign in again.`;
  if (status.pending > 0) return `${base} — not all sent: ${notSent}. Run \`enroll-desk sync\` again later.`;
  if (status.counts.quarantined > 0) return `${base} — fix or discard the quarantined items (enroll-desk queue lists them).`;
  return `${base} — queue drained.`;
}

function usage(options: SyncOptions, message: string): number {
  if (options.json === true) process.stdout.write(`${JSON.stringify({ error: message, exitCode: EXIT.usage })}\n`);
  else process.stderr.write(`enroll-desk sync: ${message}\n`);
  return EXIT.usage;
}
