import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  afterPack: string;
  nsis: { perMachine: boolean; oneClick: boolean; include: string };
  linux: { target: string[]; category: string; maintainer: string; icon: string; executableName: string };
  deb?: { afterInstall?: string };
  win: { icon: string; extraResources: { from: string; to: string; filter: string[] }[] };
}

const config = require('../../electron-builder.config.cjs') as BuilderConfig;

describe('electron-builder configuration', () => {
  it('identifies the product', () => {
    expect(config.appId).toBe('com.enrolldesk.app');
    expect(config.productName).toBe('Enroll Desk');
    expect(config.files.slice(0, 2)).toEqual(['out/**', 'package.json']);
    expect(config.files.slice(2).every((p) => p.startsWith('!'))).toBe(true);
  });

  it('keeps every native module outside the asar', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**', '**/*.node', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node_modules/keytar/**']),
    );
  });

  it('installs per machine on Windows with a wizard, AppImage and deb on Linux', () => {
    expect(config.nsis.perMachine).toBe(true);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/\S+ <\S+@\S+>/);
  });

  it('points at an afterPack hook and a 512 px icon that exist', async () => {
    const hook = require(path.join(root, config.afterPack)) as { afterPack: unknown };
    expect(typeof hook.afterPack).toBe('function');
    for (const icon of [config.linux.icon, config.win.icon]) {
      expect(existsSync(path.join(root, icon))).toBe(true);
      const meta = await sharp(path.join(root, icon)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 512, 512]);
    }
  });

  it('puts enroll-desk on the PATH: an NSIS option (/NOCLIPATH leaves it out) and the deb’s /usr/bin link', () => {
    const shim = config.win.extraResources.find((r) => r.to === 'bin');
    const cmd = readFileSync(path.join(root, shim?.from ?? '', 'enroll-desk.cmd'), 'utf8');
    expect(cmd).toMatch(/"%~dp0\.\.\\\.\.\\Enroll Desk\.exe" --cli %\*/);
    const nsh = readFileSync(path.join(root, config.nsis.include), 'utf8');
    expect(nsh).toMatch(/!macro customInstall[\s\S]*\/NOCLIPATH[\s\S]*\$INSTDIR\\resources\\bin[\s\S]*'Machine'/);
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*Where-Object/);
    // The deb keeps electron-builder's after-install script, which links /usr/bin/<executableName>.
    expect(config.linux.executableName).toBe('enroll-desk');
    expect(config.deb?.afterInstall).toBeUndefined();
    const template = readFileSync(require.resolve('app-builder-lib/templates/linux/after-install.tpl'), 'utf8');
    expect(template).toContain("'/usr/bin/${executable}'");
  });
});
