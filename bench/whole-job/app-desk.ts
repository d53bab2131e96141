import { createApp, type App } from '../../src/core/app/create-app.js';
import { dispatch } from '../../src/core/ipc/dispatch.js';
import { InMemorySecretStore } from '../../src/core/secrets/in-memory-secret-store.js';
import { DEFAULT_CONSENT_TEXT_VERSION } from '../../src/shared/domain/consent.js';
import type { ImportProgress, ScanResult } from '../../src/shared/domain/enroll.js';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract.js';
import type { SandboxProcess } from './sandbox-process.js';

/** A desk as the UI drives it: the app's handler table, signed in to the sandbox over real HTTP. */
export interface BenchDesk {
  readonly app: App;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Resolves with the scan's end event. */
  finished(scanId: string): Promise<ScanResult>;
}

export async function openBenchDesk(sb: SandboxProcess, dataDir: string, onProgress: (p: ImportProgress) => void = () => undefined): Promise<BenchDesk> {
  const ends = new Map<string, (r: ScanResult) => void>();
  const early = new Map<string, ScanResult>();
  const app = await createApp({
    dataDir,
    host: 'browser',
    secretStore: new InMemorySecretStore(),
    emit: (event, payload) => {
      if (event === 'import:progress') onProgress(payload as ImportProgress);
      if (event !== 'import:finished') return;
      const result = payload as ScanResult;
      const end = ends.get(result.scanId);
      if (end) end(result);
      else early.set(result.scanId, result);
    },
    version: 'bench',
    platform: 'linux',
    localSandbox: null,
    restoreSession: false,
  });
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await dispatch(app.handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };
  await call('session:signIn', { serverUrl: sb.url, email: sb.email, password: sb.password, remember: false });
  await call('settings:set', { duplicateCheck: false });
  const finished = (scanId: string): Promise<ScanResult> =>
    new Promise((resolve) => {
      const already = early.get(scanId);
      if (already) resolve(already);
      else ends.set(scanId, resolve);
    });
  return { app, call, finished };
}

/** Scan, confirm every person (consent recorded), then wait until the desk's sync worker drained the queue. */
export async function importThroughApp(desk: BenchDesk, folder: string, collectionId: string): Promise<{ readonly queued: number }> {
  const { scanId } = await desk.call('enroll:scanFolder', { path: folder, collectionId });
  const scan = await desk.finished(scanId);
  if (scan.state !== 'finished') throw new Error(`the dry run ended ${scan.state}: ${scan.error?.message ?? ''}`);
  const outcome = await desk.call('enroll:confirmImport', { scanId, consent: { confirmed: true, textVersion: DEFAULT_CONSENT_TEXT_VERSION } });
  for (;;) {
    if ((await desk.call('queue:status', undefined)).pending === 0) return { queued: outcome.counts.queued + outcome.counts.enrolled };
    await new Promise((r) => setTimeout(r, 100));
  }
}
