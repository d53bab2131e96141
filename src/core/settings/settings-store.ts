import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settingsSchema, type Settings, type SettingsPatch } from '../../shared/domain/settings.js';
import { AppFailure } from '../errors/app-failure.js';
import { lockedChangeProblem, settingsUnderPolicy } from '../policy/apply-policy.js';
import { loadDeskPolicy, type LoadedPolicy } from '../policy/load-policy.js';

export function defaultSettings(): Settings {
  return { serverUrl: null, deskName: os.hostname().slice(0, 64) || 'desk', rememberedEmail: null, useLocalSandbox: false };
}

/**
 * The desk's non-secret settings, a JSON file in the data folder, under the machine's
 * managed policy: what the policy sets wins, and an invalid policy throws here, so no
 * host (app, browser mode, CLI) starts under it. Written atomically (temp file + rename)
 * so a crash never leaves half a file; a corrupt file falls back to defaults.
 */
export class SettingsStore {
  private readonly file: string;
  private current: Settings;

  constructor(
    dataDir: string,
    readonly policy: LoadedPolicy = loadDeskPolicy(),
  ) {
    this.file = path.join(dataDir, 'settings.json');
    this.current = this.load();
  }

  /** The settings in force (the policy's values on top of the desk's own). */
  get(): Settings {
    return settingsUnderPolicy(this.current, this.policy.policy);
  }

  /** An operator's change: refused with the reason when the policy locks a field. */
  updateByOperator(patch: SettingsPatch): Settings {
    const problem = lockedChangeProblem(patch, this.policy.policy, this.policy.file);
    if (problem !== null) throw new AppFailure('FORBIDDEN', problem, { policy: this.policy.file });
    return this.update(patch);
  }

  update(patch: Partial<Settings>): Settings {
    this.current = settingsSchema.parse({ ...this.current, ...patch });
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.current, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
    return this.get();
  }

  private load(): Settings {
    if (!existsSync(this.file)) return defaultSettings();
    try {
      const parsed = settingsSchema.safeParse({ ...defaultSettings(), ...JSON.parse(readFileSync(this.file, 'utf8')) });
      return parsed.success ? parsed.data : defaultSettings();
    } catch {
      return defaultSettings();
    }
  }
}
