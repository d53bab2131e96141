import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../sandbox/index.js';
import { createOzClient, type OzClient } from '../../oz/index.js';
import { InMemorySecretStore } from '../../secrets/in-memory-secret-store.js';
import { openQueue, type EnrollmentQueue } from '../enrollment-queue.js';
import { testSandboxProfile } from '../../../../test/helpers/sandbox-profile.js';
import { tempDir } from './queue-test-kit.js';

export interface SandboxQueueEnv {
  readonly sandbox: RunningSandbox;
  readonly demo: NonNullable<RunningSandbox['demo']>;
  readonly client: OzClient;
  readonly queue: EnrollmentQueue;
  readonly dataDir: string;
  signedInClient(email: string, password: string): Promise<OzClient>;
  close(): Promise<void>;
}

/** A seeded sandbox on 127.0.0.1 (on the suite's profile), a signed-in client and a queue in a temporary data folder. */
export async function startSandboxQueueEnv(opts: SandboxOptions = {}): Promise<SandboxQueueEnv> {
  const sandbox = await startSandbox({ port: 0, dataDir: null, seedDemo: true, profile: testSandboxProfile(), ...opts });
  const demo = sandbox.demo as NonNullable<RunningSandbox['demo']>;
  const signedInClient = async (email: string, password: string): Promise<OzClient> => {
    const { client, session } = createOzClient({ baseUrl: sandbox.url, email, password, timeoutMs: 10_000 });
    await session.signIn();
    return client;
  };
  const client = await signedInClient(demo.email, demo.password);
  const tmp = tempDir('sync');
  const queue = await openQueue({ dataDir: tmp.dir, secretStore: new InMemorySecretStore() });
  return {
    sandbox,
    demo,
    client,
    queue,
    dataDir: tmp.dir,
    signedInClient,
    async close() {
      queue.close();
      await sandbox.close();
      tmp.remove();
    },
  };
}
