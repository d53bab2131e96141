'use strict';

/**
 * Installers for the desk PCs. Native modules (sharp and its libvips, better-sqlite3,
 * keytar) stay outside the asar: Node cannot dlopen a .node file from inside it.
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  appId: 'com.enrolldesk.app',
  productName: 'Enroll Desk',
  copyright: 'Copyright © Enroll Desk',
  directories: { output: 'release', buildResources: 'build' },
  files: ['out/**', 'package.json'],
  asar: true,
  asarUnpack: [
    'node_modules/sharp/**',
    'node_modules/@img/**',
    '**/*.node',
    'node_modules/better-sqlite3/**',
    'node_modules/keytar/**',
  ],
  afterPack: './build/after-pack.cjs',
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icon.png',
  },
  nsis: {
    // IT installs once per desk PC for every operator account.
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Enroll Desk',
  },
  // electron-builder's default deb dependencies already include libsecret-1-0 (keytar).
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Enroll Desk IT <it@enrolldesk.example>',
    synopsis: 'Enroll persons into Oz API face collections',
    icon: 'resources/icon.png',
    executableName: 'enroll-desk',
  },
};
