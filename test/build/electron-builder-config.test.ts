import { existsSync } from 'node:fs';
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
  nsis: { perMachine: boolean; oneClick: boolean };
  linux: { target: string[]; category: string; maintainer: string; icon: string };
  win: { icon: string };
}

const config = require('../../electron-builder.config.cjs') as BuilderConfig;

describe('electron-builder configuration', () => {
  it('identifies the product', () => {
    expect(config.appId).toBe('com.enrolldesk.app');
    expect(config.productName).toBe('Enroll Desk');
    expect(config.files).toEqual(['out/**', 'package.json']);
  });

  it('keeps every native module outside the asar', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**', '**/*.node', 'node_modules/better-sqlite3/**', 'node_modules/keytar/**']),
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
});
