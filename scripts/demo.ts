// `npm run demo`: the main job on the embedded Oz sandbox. Builds sample person folders
// from real face photos, enrolls them with the CLI's import (dry run first), then opens
// the app in browser mode, signed in to the same sandbox, to look at the result.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { SettingsStore } from '../src/core/settings/settings-store.js';
import { WIDE_FACE_CROPS } from '../test/fixtures/corpus.js';
import { startSandbox } from '../src/sandbox/index.js';
import { startWebHost } from '../src/web-host/index.js';

const root = path.resolve(import.meta.dirname, '..');
const demoRoot = path.join(root, '.demo');
const dataDir = path.join(demoRoot, 'desk');
const personsDir = path.join(demoRoot, 'persons');
const cli = path.join(root, 'bin', 'enroll-desk');

// Frontal faces in @vladmandic/face-api's group photos, framed as portraits (the test
// corpus's crops that pass every face-quality check), one folder per person.
const people = [
  { folder: 'Lovelace, Ada King', crops: [0] },
  { folder: 'Grace Brewster Hopper', crops: [1] },
  { folder: 'Noether, Emmy', crops: [2] },
  { folder: 'Katherine Coleman Johnson', crops: [3, 6] },
  { folder: 'Hamilton, Margaret Heafield', crops: [5] },
];

async function makePersons(): Promise<void> {
  const samples = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');
  for (const person of people) {
    const dir = path.join(personsDir, person.folder);
    mkdirSync(dir, { recursive: true });
    for (const [i, index] of person.crops.entries()) {
      const crop = WIDE_FACE_CROPS[index];
      if (!crop) throw new Error(`No face crop ${index}`);
      const { sample, ...region } = crop;
      await sharp(path.join(samples, `sample${sample}.jpg`)).extract(region).jpeg({ quality: 92 }).toFile(path.join(dir, `photo-${i + 1}.jpg`));
    }
  }
}

/** Runs the CLI as a user would; asynchronously, since the sandbox serves it from this process. */
function run(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  console.log(`\n$ enroll-desk ${args.join(' ')}`);
  const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 2)));
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    console.log('Building the app…');
    execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  }
  // A fresh demo desk each time: its encryption keys live in this run's keychain.
  rmSync(demoRoot, { recursive: true, force: true });
  await makePersons();
  console.log(`Sample persons (one folder each, real face photos): ${personsDir}`);

  const sandbox = await startSandbox({ port: 0, dataDir: path.join(dataDir, 'sandbox'), seedDemo: true });
  const demo = sandbox.demo;
  if (!demo) throw new Error('The sandbox did not create its demo account.');
  const env = { OZ_API_URL: sandbox.url, OZ_EMAIL: demo.email, OZ_PASSWORD: demo.password };
  const common = ['--collection', 'demo-watchlist', '--data', dataDir];
  await run(['import', personsDir, ...common, '--dry-run'], env);
  const code = await run(['import', personsDir, ...common, '--consent-version', '2026-01'], env);
  await sandbox.close();
  if (code === 2) throw new Error('The import could not run (see above).');

  // The app signs in to the same sandbox (its data folder is <desk>/sandbox) by itself.
  new SettingsStore(dataDir).update({ useLocalSandbox: true, deskName: 'Demo desk' });
  const host = await startWebHost({ dataDir, rendererDir: path.join(root, 'out', 'renderer'), port: Number(process.env.PORT ?? 0) });
  console.log(`\nEnroll Desk is running in browser mode, signed in to the local sandbox.\nOpen: ${host.url}\nCollections → demo-watchlist shows the persons just enrolled. Press Ctrl+C to stop.`);
  const stop = async () => {
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
