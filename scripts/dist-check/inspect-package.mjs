// What a packaged Enroll Desk must hold, checked on the unpacked app folder electron-builder
// writes (resources/app.asar, resources/app.asar.unpacked, the executable).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runAsNodeFuseOn } from './stand-in-electron.mjs';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar');

const MB = 1024 * 1024;
const FACE_MODELS = ['blazeface.json', 'blazeface.bin', 'facemesh.json', 'facemesh.bin'];
const FACE_WASM = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

/** Files the app cannot run without, inside app.asar. */
export const REQUIRED_IN_ASAR = [
  'package.json',
  'out/main/index.js',
  'out/main/quality-detector-worker.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'out/cli/main.js',
  'out/cli/quality-detector-worker.js',
  ...FACE_MODELS.map((f) => `out/renderer/face-quality/models/${f}`),
  ...FACE_WASM.map((f) => `out/renderer/face-quality/wasm/${f}`),
  // The main process's detector loads Human's bundled build, its models and the wasm from node_modules.
  'node_modules/@vladmandic/human/dist/human.esm.js',
  ...FACE_MODELS.map((f) => `node_modules/@vladmandic/human/models/${f}`),
  ...FACE_WASM.map((f) => `node_modules/@tensorflow/tfjs-backend-wasm/dist/${f}`),
];

/** Native code: Node can only dlopen these from a real folder, so outside the asar. */
export const REQUIRED_UNPACKED = [
  'node_modules/sharp/package.json',
  'node_modules/@img/sharp-linux-x64/package.json',
  'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
  'node_modules/keytar/build/Release/keytar.node',
];

/** What must never ship: sources, tests, maps, build trees, the tools that only a checkout needs. */
const FORBIDDEN = [
  { why: 'source map', test: (f) => f.endsWith('.map') },
  { why: 'TypeScript source', test: (f) => /^src\//.test(f) || /\.[mc]?tsx?$/.test(f) },
  { why: 'test fixture or test', test: (f) => /^test\//.test(f) || /\.(test|spec)\.[cm]?js$/.test(f) },
  { why: 'better-sqlite3 build tree', test: (f) => /^node_modules\/better-sqlite3\/(deps|src)\//.test(f) || /better-sqlite3\/build\/.*(obj(\.target)?\/|\.deps\/|test_extension\.node|Makefile)/.test(f) },
];

/** Size budget for resources/ (app.asar + app.asar.unpacked), in MB. See docs/releasing.md. */
export const BUDGET_MB = { asar: 45, unpacked: 25 };

function walk(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(base, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

function sizeOf(dir, files) {
  return files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

/** The largest top-level parts (node_modules packages, out/ folders) with their share. */
function largestParts(files, sizeOfFile) {
  const parts = new Map();
  for (const f of files) {
    const m = /^(node_modules\/(?:@[^/]+\/)?[^/]+|out\/[^/]+|[^/]+)/.exec(f);
    const key = m?.[1] ?? f;
    parts.set(key, (parts.get(key) ?? 0) + sizeOfFile(f));
  }
  return [...parts].sort((a, b) => b[1] - a[1]).slice(0, 8);
}

export function inspectPackage(appDir, projectRoot) {
  const resources = path.join(appDir, 'resources');
  const asarFile = path.join(resources, 'app.asar');
  const unpackedDir = path.join(resources, 'app.asar.unpacked');
  const problems = [];
  if (!existsSync(asarFile)) return { problems: [`missing ${path.relative(appDir, asarFile)}`], sizes: null, parts: [] };

  const inAsar = asar.listPackage(asarFile, { isPack: false }).map((f) => f.replace(/^[\\/]/, '').split(path.sep).join('/'));
  const asarFiles = new Set(inAsar.filter((f) => {
    try {
      return !asar.statFile(asarFile, f, false).files;
    } catch {
      return false;
    }
  }));
  const unpacked = walk(unpackedDir);
  const unpackedSet = new Set(unpacked);
  // Entries marked unpacked are listed in the asar but live in app.asar.unpacked.
  const present = (f) => unpackedSet.has(f) || (asarFiles.has(f) && !asar.statFile(asarFile, f, false).unpacked);

  for (const f of REQUIRED_IN_ASAR) if (!present(f)) problems.push(`missing required file ${f}`);
  for (const f of REQUIRED_UNPACKED) if (!unpackedSet.has(f)) problems.push(`missing required file app.asar.unpacked/${f} (native code must be unpacked)`);
  if (!unpacked.some((f) => /^node_modules\/@img\/sharp-linux-x64\/lib\/sharp-linux-x64[^/]*\.node$/.test(f))) problems.push('missing required file app.asar.unpacked/node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64-*.node (sharp)');
  if (!unpacked.some((f) => /^node_modules\/@img\/sharp-libvips-linux-x64\/lib\/libvips-cpp\.so/.test(f))) problems.push('missing required file app.asar.unpacked/node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.* (libvips)');

  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  // Dev-only packages: what only a checkout needs (semver, which sharp also needs, is not one).
  const lock = JSON.parse(readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8'));
  // (electron-builder may lift a runtime package's nested copy, e.g. @fastify/static's glob, to the top.)
  const nameOf = (key) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const runtimeNames = new Set(Object.keys(lock.packages).filter((k) => k !== '' && lock.packages[k].dev !== true).map(nameOf));
  const devOnly = Object.keys(lock.packages)
    .filter((k) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(k) && lock.packages[k].dev === true)
    .map(nameOf)
    .filter((name) => !runtimeNames.has(name));
  for (const dev of devOnly) {
    const prefix = `node_modules/${dev}/`;
    if ([...asarFiles].some((f) => f.startsWith(prefix)) || unpacked.some((f) => f.startsWith(prefix))) problems.push(`devDependency packaged: ${dev}`);
  }
  for (const f of [...asarFiles, ...unpacked]) {
    const rule = FORBIDDEN.find((r) => r.test(f));
    if (rule) problems.push(`must not ship (${rule.why}): ${f}`);
  }

  const binary = path.join(appDir, pkg.name);
  if (existsSync(binary) && runAsNodeFuseOn(readFileSync(binary)) !== false) problems.push(`the RunAsNode fuse of ${pkg.name} is not off`);

  const sizes = { asar: statSync(asarFile).size / MB, unpacked: sizeOf(unpackedDir, unpacked) / MB };
  if (sizes.asar > BUDGET_MB.asar) problems.push(`app.asar is ${sizes.asar.toFixed(1)} MB, over its budget of ${BUDGET_MB.asar} MB`);
  if (sizes.unpacked > BUDGET_MB.unpacked) problems.push(`app.asar.unpacked is ${sizes.unpacked.toFixed(1)} MB, over its budget of ${BUDGET_MB.unpacked} MB`);
  const asarSize = (f) => asar.statFile(asarFile, f, false).size ?? 0;
  const parts = [
    ...largestParts([...asarFiles].filter((f) => !unpackedSet.has(f)), asarSize).map(([k, v]) => [`asar: ${k}`, v]),
    ...largestParts(unpacked, (f) => statSync(path.join(unpackedDir, f)).size).map(([k, v]) => [`unpacked: ${k}`, v]),
  ];
  return { problems: [...new Set(problems)], sizes, parts };
}

export function printReport(report) {
  if (report.sizes) {
    console.log(`dist:check: app.asar ${report.sizes.asar.toFixed(1)} MB (budget ${BUDGET_MB.asar}), app.asar.unpacked ${report.sizes.unpacked.toFixed(1)} MB (budget ${BUDGET_MB.unpacked})`);
    for (const [part, bytes] of report.parts) console.log(`  ${(bytes / MB).toFixed(1).padStart(6)} MB  ${part}`);
  }
  for (const p of report.problems) console.log(`dist:check: FAIL ${p}`);
  if (report.problems.length === 0) console.log('dist:check: the package holds everything it needs and nothing it must not.');
}
