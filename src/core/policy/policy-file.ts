import path from 'node:path';

/**
 * Where the machine-wide policy lives: `%ProgramData%\Enroll Desk\policy.json` on Windows,
 * `/etc/enroll-desk/policy.json` elsewhere. `ENROLL_DESK_POLICY` names another file (tests).
 */
export function policyFilePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ENROLL_DESK_POLICY) return path.resolve(env.ENROLL_DESK_POLICY);
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Enroll Desk', 'policy.json');
  return '/etc/enroll-desk/policy.json';
}
