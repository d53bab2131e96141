'use strict';

const path = require('node:path');
const { toFuseConfig } = require('./fuses.cjs');

/** The packaged Electron executable, named as electron-builder names it per platform. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: unsupported platform ${electronPlatformName}`);
  }
}

/** electron-builder afterPack hook: runs after the asar integrity is recorded and before signing. */
async function afterPack(context) {
  const fuses = await import('@electron/fuses');
  await fuses.flipFuses(electronBinaryPath(context), toFuseConfig(fuses, context.electronPlatformName));
}

module.exports = { afterPack, electronBinaryPath };
