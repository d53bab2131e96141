import { InvalidArgumentError, Option, type Command } from 'commander';
import { defaultDataDir } from '../../core/config/data-dir.js';
import { sandboxProfileNames } from '../../sandbox/profile.js';
import type { SandboxCommandOptions } from './sandbox-action.js';

function integerIn(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`expected an integer ${min}..${max}`);
    return n;
  };
}

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
      const deskData = (command.parent?.opts() as { data?: string } | undefined)?.data ?? defaultDataDir();
      // Loaded when the command runs: fastify and the sandbox's SQLite store.
      const { runSandbox } = await import('./sandbox-action.js');
      process.exitCode = await runSandbox(options, deskData);
    });
}
