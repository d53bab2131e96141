import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface FusesModule {
  readonly FUSES: Readonly<Record<string, boolean>>;
  toFuseConfig(fuses: unknown, platform: string): Record<string, unknown>;
}
interface AfterPackModule {
  afterPack(context: unknown): Promise<void>;
  electronBinaryPath(context: unknown): string;
}

const { FUSES, toFuseConfig } = require('../../build/fuses.cjs') as FusesModule;
const { afterPack, electronBinaryPath } = require('../../build/after-pack.cjs') as AfterPackModule;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const OFF = 0x30;
const ON = 0x31;

describe('fuse configuration', () => {
  it('turns off every way to run the binary as Node or attach a debugger, and locks the asar', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('maps names to the wire indexes of @electron/fuses', () => {
    const config = toFuseConfig({ FuseV1Options, FuseVersion }, 'linux');
    expect(config['version']).toBe(FuseVersion.V1);
    expect(config['resetAdHocDarwinSignature']).toBe(false);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(toFuseConfig({ FuseV1Options, FuseVersion }, 'darwin')['resetAdHocDarwinSignature']).toBe(true);
  });
});

describe('afterPack hook', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir !== null) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('names the executable per platform', () => {
    const packager = { appInfo: { productFilename: 'Enroll Desk' }, executableName: 'enroll-desk' };
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(path.join('/o', 'Enroll Desk.exe'));
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(path.join('/o', 'enroll-desk'));
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe(path.join('/o', 'Enroll Desk.app'));
  });

  it('flips the fuse wire of the packaged binary', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'enroll-desk-fuses-'));
    const wireLength = 9;
    // A stand-in executable: padding, the fuse sentinel, version 1, the wire (Electron's defaults).
    const defaults = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON];
    const binary = Buffer.concat([Buffer.alloc(4096, 0xcc), Buffer.from(SENTINEL), Buffer.from([1, wireLength, ...defaults]), Buffer.alloc(1024)]);
    const file = path.join(dir, 'enroll-desk');
    await writeFile(file, binary);

    await afterPack({ appOutDir: dir, electronPlatformName: 'linux', packager: { executableName: 'enroll-desk' } });

    const after = await readFile(file);
    const wireAt = after.indexOf(SENTINEL) + SENTINEL.length + 2;
    const wire = [...after.subarray(wireAt, wireAt + wireLength)];
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF);
    // Fuses the config leaves alone keep Electron's default.
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(OFF);
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(ON);
    expect(after.length).toBe(binary.length);
  });
});
