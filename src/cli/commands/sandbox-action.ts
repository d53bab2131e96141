import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDeskPolicy } from '../../core/policy/load-policy.js';
import { localSandboxProblem } from '../../shared/domain/policy.js';
import { startSandbox, type RunningSandbox, type SandboxProfileName, type SandboxTls } from '../../sandbox/index.js';

export interface SandboxCommandOptions {
  readonly port: number;
  readonly data?: string;
  readonly seedDemo?: boolean;
  readonly faults?: string;
  readonly tokenTtl?: number;
  readonly cascade?: boolean;
  readonly analysisDelay?: number;
  readonly profile: SandboxProfileName;
  readonly json?: boolean;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
}

function banner(sandbox: RunningSandbox, dataDir: string, options: SandboxCommandOptions): string {
  const lines = [`Oz API sandbox listening on ${sandbox.url}`, `  data folder: ${dataDir}`, `  profile:     ${sandbox.profile}`];
  if (sandbox.mediaUrl !== sandbox.url) lines.push(`  media:       ${sandbox.mediaUrl}`);
  if (sandbox.demo !== null) {
    lines.push(
      `  demo login:  ${sandbox.demo.email} / ${sandbox.demo.password}`,
      `  company:     ${sandbox.demo.companyName} (${sandbox.demo.companyId})`,
      `  collection:  demo-watchlist (${sandbox.demo.collectionId})`,
    );
  }
  if (options.faults !== undefined) lines.push(`  faults:      ${options.faults}`);
  lines.push('Press Ctrl+C to stop.');
  return `${lines.join('\n')}\n`;
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(`cannot read the TLS ${what} ${file}: ${(err as Error).message}`, { cause: err });
  }
}

/** Both files or neither: a certificate without its key (or the reverse) is a usage error. */
function tlsOf(options: SandboxCommandOptions): SandboxTls | undefined {
  if (options.tlsCert === undefined && options.tlsKey === undefined) return undefined;
  if (options.tlsCert === undefined || options.tlsKey === undefined) {
    throw new Error('--tls-cert and --tls-key go together (PEM certificate chain and its private key)');
  }
  return { cert: readPem(options.tlsCert, 'certificate'), key: readPem(options.tlsKey, 'key') };
}

const untilStopSignal = (): Promise<NodeJS.Signals> =>
  new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

/** Runs the sandbox until Ctrl+C (or SIGTERM), printing its address; resolves to the exit code. */
export async function runSandbox(options: SandboxCommandOptions, deskData: string): Promise<number> {
  // The same rule as the app's "use the local sandbox": IT may forbid a training server on desks.
  const { policy, file } = loadDeskPolicy();
  const refused = localSandboxProblem(policy, file);
  if (refused !== null) {
    process.stderr.write(`enroll-desk sandbox: ${refused}\n`);
    return 2;
  }
  // Here --data names the sandbox's own folder: the issue's `sandbox --data <dir>`.
  const dataDir = options.data ?? join(deskData, 'sandbox');
  const sandbox = await startSandbox({
    port: options.port,
    dataDir,
    seedDemo: options.seedDemo === true,
    faults: options.faults,
    tokenTtlSeconds: options.tokenTtl,
    cascadeDeletes: options.cascade === true,
    analysisDelayMs: options.analysisDelay,
    profile: options.profile,
    tls: tlsOf(options),
  });
  const stopped = untilStopSignal();
  if (options.json === true) {
    const demo = sandbox.demo;
    process.stdout.write(
      `${JSON.stringify({
        url: sandbox.url,
        media_url: sandbox.mediaUrl,
        profile: sandbox.profile,
        email: demo?.email ?? null,
        password: demo?.password ?? null,
        company_id: demo?.companyId ?? null,
      })}\n`,
    );
  } else {
    process.stdout.write(banner(sandbox, dataDir, options));
  }
  await stopped;
  await sandbox.close();
  return 0;
}
