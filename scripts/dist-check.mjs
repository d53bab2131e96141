// `npm run dist:check`: packages the app with electron-builder --dir over a stand-in
// Electron dist (nothing downloaded), then checks what the package holds. With
// `--package <resources dir>` it only checks an existing package (the tests use a copy).
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { inspectPackage, printReport } from './dist-check/inspect-package.mjs';
import { writeStandInElectron } from './dist-check/stand-in-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { package: { type: 'string' }, out: { type: 'string' } } });

async function pack(outDir) {
  const builder = require('electron-builder');
  const config = require(path.join(root, 'electron-builder.config.cjs'));
  const electronVersion = require('electron/package.json').version;
  rmSync(outDir, { recursive: true, force: true });
  const electronDist = writeStandInElectron(path.join(outDir, 'electron-stand-in'));
  await builder.build({
    projectDir: root,
    targets: builder.Platform.LINUX.createTarget('dir', builder.Arch.x64),
    publish: 'never',
    config: { ...config, electronDist, electronVersion, npmRebuild: false, directories: { ...config.directories, output: path.join(outDir, 'release') } },
  });
  return path.join(outDir, 'release', 'linux-unpacked');
}

const appDir = values.package ? path.resolve(values.package) : await pack(path.resolve(values.out ?? path.join(root, '.tmp', 'dist-check')));
const report = inspectPackage(appDir, root);
printReport(report);
process.exitCode = report.problems.length === 0 ? 0 : 1;
