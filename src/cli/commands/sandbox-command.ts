import { InvalidArgumentError, Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../../core/config/data-dir.js';
import { loadDeskPolicy } from '../../core/policy/load-policy.js';
import { localSandboxProblem } from '../../shared/domain/policy.js';
import { sandboxProfileNames, startSandbox, type RunningSandbox, type SandboxProfileName, type SandboxTls } from '../../sandbox/index.js';

interface SandboxCommandOptions {
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

function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`expected an integer ${min}..${max}`);
    return n;
  };
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

export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description('Run the local Oz API sandbox (training server and test server) until Ctrl+C')
    .option('--port <n>', 'port on 127.0.0.1 (0 = random)', integerIn(0, 65535), 0)
    .option('--data <dir>', "the sandbox's data folder (default: sandbox/ inside the desk data folder)")
    .option('--seed-demo', 'create the Demo Bank company, its admin user and the demo-watchlist collection')
    .option('--faults <spec>', 'fault injection, e.g. 5xx=0.2,reset=0.1,latency=0-500,expire=20s,429=0.05:2')
    .option('--token-ttl <s>', 'access token lifetime in seconds', integerIn(1, 10 * 365 * 24 * 3600))
    .option('--cascade', 'deleting a collection or person also deletes what depends on it')
    .option('--analysis-delay <ms>', 'how long a COLLECTION analysis stays PROCESSING before it finishes (default 0)', integerIn(0, 600_000))
    .addOption(
      new Option('--profile <name>', "where Oz's docs are silent: our answers (default) or the other ones they allow (strict)")
        .choices(sandboxProfileNames)
        .default('default'),
    )
    .option('--json', 'print one JSON line {url, media_url, profile, email, password, company_id} instead of the banner')
    .option('--tls-cert <pem>', 'serve https with this certificate chain (PEM file; needs --tls-key)')
    .option('--tls-key <pem>', 'the private key of --tls-cert (PEM file)')
    .action(async (options: SandboxCommandOptions, command: Command) => {
      // The same rule as the app's "use the local sandbox": IT may forbid a training server on desks.
      const { policy, file } = loadDeskPolicy();
      const refused = localSandboxProblem(policy, file);
      if (refused !== null) {
        process.stderr.write(`enroll-desk sandbox: ${refused}\n`);
        process.exitCode = 2;
        return;
      }
      const deskData = (command.parent?.opts() as { data?: string } | undefined)?.data ?? defaultDataDir();
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
      process.exitCode = 0;
    });
}
