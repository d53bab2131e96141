import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createApp, type App } from '../../src/core/app/create-app.js';
import { dispatch } from '../../src/core/ipc/dispatch.js';
import type { FaceDetector } from '../../src/core/quality/index.js';
import type { SecretStore } from '../../src/core/secrets/secret-store.js';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.js';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract.js';
import type { Result } from '../../src/shared/result.js';
import { startLink, type Link } from './link.js';
import { rawServer, type RawServer } from './raw-server.js';

export type ServerName = 'A' | 'B';
export const SERVERS: readonly ServerName[] = ['A', 'B'];

/** Small photos, 5xx, 429 with Retry-After, resets after commit, a little latency. */
export const FAULTS = '5xx=0.06:503,429=0.03:1,reset=0.06,latency=0-1';

/**
 * Desks live in RAM where the machine has it: the same SQLite, without an fsync per commit
 * (durability across crashes is the kill suites' subject; here it would only cost minutes).
 */
const RAM_DIR = '/dev/shm';

/**
 * Fast timers: a sequence runs in well under a second, so back-off is milliseconds, not seconds.
 * The sandboxes apply a create in milliseconds, even on a loaded machine: a send cut off
 * by a link going down or a reset is given half a second to land before the desk re-sends.
 */
const SYNC_TIMING = { backoff: { baseMs: 10, capMs: 80, retryAfterCapMs: 1_000 }, probeIntervalMs: 30, reconcileGraceMs: 500 } as const;

export interface Server {
  readonly name: ServerName;
  readonly sandbox: RunningSandbox;
  readonly link: Link;
  readonly raw: RawServer;
  readonly email: string;
  readonly password: string;
}

/** What lasts across sequences: two sandboxes (default and strict profile), their links, one warm detector. */
export interface Stage {
  readonly servers: Readonly<Record<ServerName, Server>>;
  readonly detector: FaceDetector;
  readonly secrets: SecretStore;
  close(): Promise<void>;
}

export async function startStage(detector: FaceDetector, secrets: SecretStore): Promise<Stage> {
  const start = async (name: ServerName, profile: 'default' | 'strict'): Promise<Server> => {
    const sandbox = await startSandbox({ port: 0, dataDir: null, seedDemo: true, profile, faults: FAULTS, analysisDelayMs: 0 });
    const demo = sandbox.demo as NonNullable<RunningSandbox['demo']>;
    return { name, sandbox, link: await startLink(sandbox.url), raw: await rawServer(name, sandbox), email: demo.email, password: demo.password };
  };
  const servers = { A: await start('A', 'default'), B: await start('B', 'strict') };
  return {
    servers,
    detector,
    secrets,
    async close() {
      for (const s of Object.values(servers)) {
        await s.link.close();
        await s.sandbox.close();
      }
    },
  };
}

/** A distinct photo the pipeline accepts (shorter side ≥ 480 px), cheap to make and to process. */
export async function freshPhoto(): Promise<Buffer> {
  return sharp(randomBytes(4 * 4 * 3), { raw: { width: 4, height: 4, channels: 3 } })
    .resize(480, 480, { kernel: 'nearest' })
    .jpeg({ quality: 70 })
    .toBuffer();
}

/** One desk for one sequence: its data folder and the app composed over it (closed and reopened by "restart"). */
export class Desk {
  app: App;
  readonly dataDir: string;
  readonly inbox: string;

  private constructor(
    readonly stage: Stage,
    readonly root: string,
    app: App,
  ) {
    this.app = app;
    this.dataDir = path.join(root, 'desk');
    this.inbox = path.join(root, 'inbox');
  }

  static async open(stage: Stage): Promise<Desk> {
    const root = mkdtempSync(path.join(existsSync(RAM_DIR) ? RAM_DIR : os.tmpdir(), 'enroll-desk-state-'));
    return new Desk(stage, root, await Desk.compose(stage, path.join(root, 'desk')));
  }

  private static async compose(stage: Stage, dataDir: string): Promise<App> {
    const app = await createApp({
      dataDir,
      host: 'browser',
      secretStore: stage.secrets,
      emit: () => undefined,
      version: 'state-machine',
      platform: 'linux',
      localSandbox: null,
      faceDetector: stage.detector,
      syncTiming: SYNC_TIMING,
    });
    // The 1:N check has its own suite; here it would only add analyses to every dry run.
    const off = await dispatch(app.handlers, 'settings:set', { duplicateCheck: false });
    if (!off.ok) throw new Error(`settings: ${off.error.message}`);
    return app;
  }

  /** A request as the renderer makes it: through the contract's validation and the one handler table. */
  async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
    return (await dispatch(this.app.handlers, channel, input)) as Result<ChannelOutput<C>>;
  }

  /** Closes the app (mid-sync when a drain was just started) and composes it again over the same data folder. */
  async restart(): Promise<void> {
    await this.app.dispose();
    this.app = await Desk.compose(this.stage, this.dataDir);
  }

  /** No request in flight and no state about to change: what the checks read is one moment. */
  async quiesce(): Promise<void> {
    await this.app.context.sync.stop();
  }

  resume(): void {
    if (this.app.context.session.status().state === 'signedIn') this.app.context.sync.start();
  }

  async close(): Promise<void> {
    await this.app.dispose();
    rmSync(this.root, { recursive: true, force: true });
  }
}
