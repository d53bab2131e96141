// Runs Electron's own installer (skipped by "allowScripts" so that an unreachable
// download cannot fail `npm install`). Where the binary cannot be fetched we print one
// line and carry on: everything except launching the desktop shell still works.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  process.exit(0); // production install without devDependencies
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('enroll-desk: ELECTRON_SKIP_BINARY_DOWNLOAD set; Electron binary not installed (browser mode and CLI still work).');
  process.exit(0);
}
const pathFile = path.join(path.dirname(installer), 'path.txt');
if (existsSync(pathFile)) process.exit(0);
const result = spawnSync(process.execPath, [installer], {
  stdio: ['ignore', 'ignore', 'pipe'],
  timeout: 180_000,
  env: process.env,
});
if (result.status === 0 && existsSync(pathFile)) process.exit(0);
console.log('enroll-desk: Electron binary could not be downloaded here; desktop shell unavailable, browser mode (`npm start`) and CLI work.');
process.exit(0);
