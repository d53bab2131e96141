import { startSandbox } from '../../src/sandbox/index.js';
import { createOzClient, type OzClientOptions } from '../../src/core/oz/index.js';
import { testSandboxProfile } from './sandbox-profile.js';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** A fresh in-memory sandbox with the demo company, user and collection, on the suite's profile. */
export function startDemoSandbox(extra: Partial<Parameters<typeof startSandbox>[0]> = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, dataDir: null, seedDemo: true, profile: testSandboxProfile(), ...extra });
}

/** A client signed in as the demo user (or the given credentials). */
export async function signedInClient(
  sb: Sandbox,
  opts: Partial<Pick<OzClientOptions, 'email' | 'password' | 'timeoutMs' | 'now'>> = {},
) {
  const demo = sb.demo;
  if (demo === undefined || demo === null) throw new Error('sandbox started without the demo seed');
  const made = createOzClient({ baseUrl: sb.url, email: demo.email, password: demo.password, ...opts });
  await made.session.signIn();
  return made;
}
