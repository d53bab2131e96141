import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settingsSchema, type Settings } from '../../shared/domain/settings.js';

export function defaultSettings(): Settings {
  return { serverUrl: null, deskName: os.hostname().slice(0, 64) || 'desk', rememberedEmail: null, useLocalSandbox: false };
}

/**
 * The desk's non-secret settings, a JSON file in the data folder. Written atomically
 * (temp file + rename) so a crash never leaves half a file; a corrupt file falls back to
 * defaults instead of stopping the app.
 */
export class SettingsStore {
  private readonly file: string;
  private current: Settings;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
    this.current = this.load();
  }

  get(): Settings {
    return this.current;
  }

  update(patch: Partial<Settings>): Settings {
    this.current = settingsSchema.parse({ ...this.current, ...patch });
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.current, null, 2), { mode: 0o600 });
    renameSync(tmp, this.file);
    return this.current;
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
