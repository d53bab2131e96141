import os from 'node:os';
import path from 'node:path';

const APP_FOLDER = 'enroll-desk';

/**
 * The desk's data folder, shared by the desktop app, browser mode and the CLI so that
 * all three see the same queue, settings and cache. `ENROLL_DESK_DATA` overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ENROLL_DESK_DATA) return path.resolve(env.ENROLL_DESK_DATA);
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_FOLDER);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
  }
}
