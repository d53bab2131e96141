import { sandboxProfileNames, type SandboxProfileName } from '../../src/sandbox/index.js';

/**
 * The sandbox profile the client-facing suites run against: `npm test` runs them once per
 * profile (the vitest projects and Playwright's browser-strict project set OZ_SANDBOX_PROFILE).
 */
export function testSandboxProfile(): SandboxProfileName {
  const name = process.env['OZ_SANDBOX_PROFILE'] ?? 'default';
  if (!(sandboxProfileNames as readonly string[]).includes(name)) {
    throw new Error(`OZ_SANDBOX_PROFILE must be one of ${sandboxProfileNames.join(', ')} (got "${name}")`);
  }
  return name as SandboxProfileName;
}

/** For the few assertions about answers the profiles give differently (docs/oz-sandbox.md, Profiles). */
export const onStrictProfile = (): boolean => testSandboxProfile() === 'strict';

/** The status and error_code of a refused delete of something still referenced, per profile. */
export const refusedDeleteAnswer = (): readonly [number, number] => (onStrictProfile() ? [409, 0] : [400, 4]);
