import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/config/data-dir.js';
import { execveWithTunedMalloc } from '../core/config/malloc-tuning.js';
import { toAppError } from '../core/errors/to-app-error.js';
import { KeychainUnavailableError } from '../core/secrets/keytar-secret-store.js';
import { startWebHost } from './start-web-host.js';

// Browser mode entry: `npx tsx src/web-host/main.ts [--data <dir>] [--port <n>]`.
// A long-running desk process: first becomes itself with glibc's malloc tuned (same pid).
execveWithTunedMalloc(process);
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '0' },
    renderer: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port: ${values.port}`);
  process.exit(2);
}

const host = await startWebHost({
  dataDir: values.data ?? defaultDataDir(),
  port,
  rendererDir: values.renderer ?? fileURLToPath(new URL('../../out/renderer', import.meta.url)),
}).catch((err: unknown) => {
  // Say what stops the start and what to do, without a stack trace.
  console.error(`Enroll Desk could not start: ${toAppError(err).message}`);
  if (err instanceof KeychainUnavailableError) {
    console.error('The desk keeps its encryption keys in the OS keychain. Sign in to a desktop session, or start a Secret Service (e.g. gnome-keyring-daemon) first.');
  }
  process.exit(1);
});
console.log(`Open: ${host.url}`);

let closing = false;
const shutdown = (): void => {
  if (closing) return;
  closing = true;
  host.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
