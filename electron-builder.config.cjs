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
  files: [
    'out/**',
    'package.json',
    // Never shipped: source maps, TypeScript sources and declarations, packages' own tests.
    '!**/*.map',
    '!**/*.{ts,mts,cts,tsx}',
    '!**/node_modules/**/{test,tests,spec,__tests__,benchmark,benchmarks}/**',
    // better-sqlite3: the built addon only, not its 20 MB of sources and build tree (test_extension.node).
    '!node_modules/better-sqlite3/{deps,src}/**',
    '!node_modules/better-sqlite3/build/{deps,Makefile,*.mk,binding.Makefile,config.gypi}',
    '!node_modules/better-sqlite3/build/deps/**',
    '!node_modules/better-sqlite3/build/Release/{obj,obj.target,.deps}/**',
    '!node_modules/better-sqlite3/build/Release/{test_extension.node,sqlite3.a}',
    // The main process's face detector loads Human's bundled build and two of its models;
    // the renderer has its own copies in out/renderer (bundled by Vite).
    '!node_modules/@vladmandic/human/{assets,demo,src,tfjs,tmp,types}/**',
    '!node_modules/@vladmandic/human/dist/{human.js,human.esm-nobundle.js,human.node-gpu.js,human.node-wasm.js,tfjs.esm.js}',
    '!node_modules/@vladmandic/human/models/!(blazeface|facemesh).*',
    // tfjs is bundled into Human and the renderer; only the wasm binaries are read at run time.
    '!node_modules/@tensorflow/{tfjs-core,tfjs-backend-cpu}/**',
    '!node_modules/@tensorflow/tfjs-backend-wasm/{wasm-out,dist/kernels,dist/kernel_utils,dist/miniprogram}/**',
    '!node_modules/@tensorflow/tfjs-backend-wasm/dist/*.js',
  ],
  asar: true,
  asarUnpack: [
    'node_modules/sharp/**',
    'node_modules/@img/**',
    '**/*.node',
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    'node_modules/keytar/**',
  ],
  afterPack: './build/after-pack.cjs',
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icon.png',
    // `enroll-desk` for IT scripts: a shim that starts the app with --cli (build/installer.nsh puts it on the PATH).
    extraResources: [{ from: 'build/bin', to: 'bin', filter: ['enroll-desk.cmd'] }],
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
    // Adds resources\bin (enroll-desk.cmd) to the machine PATH; /NOCLIPATH leaves it out.
    include: 'build/installer.nsh',
  },
  // electron-builder's default deb dependencies already include libsecret-1-0 (keytar). Its
  // default after-install script links /usr/bin/enroll-desk to the binary, which runs the CLI
  // when the first argument is a command (src/main/cli-mode.ts): `enroll-desk import …`.
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Enroll Desk IT <it@enrolldesk.example>',
    synopsis: 'Enroll persons into Oz API face collections',
    icon: 'resources/icon.png',
    executableName: 'enroll-desk',
  },
};
