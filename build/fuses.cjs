'use strict';

/**
 * Electron fuses flipped into the packaged binary by after-pack.cjs, keyed by their
 * @electron/fuses `FuseV1Options` name. Off: ways to run the binary as plain Node or to
 * inject code or a debugger. On: load the app only from its integrity-checked asar,
 * encrypt cookies. file:// gets no extra privileges: the renderer is served on app://.
 */
const FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
});

/** The @electron/fuses config for `flipFuses`, from the module's own enums. */
function toFuseConfig(fusesModule, electronPlatformName) {
  const config = {
    version: fusesModule.FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature of macOS arm64 binaries.
    resetAdHocDarwinSignature: electronPlatformName === 'darwin' || electronPlatformName === 'mas',
  };
  for (const [name, value] of Object.entries(FUSES)) {
    const index = fusesModule.FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`Unknown Electron fuse: ${name}`);
    config[index] = value;
  }
  return config;
}

module.exports = { FUSES, toFuseConfig };
