// The persons view at 50,000 persons: time from the first `persons:list` answer reaching
// the page to the first row painted, rows in the DOM, and pages fetched while scrolling
// to the end. The persons are written straight into a sandbox's own SQLite file (50,000
// HTTP uploads would take minutes); the app then reads them over real HTTP.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { InMemorySecretStore } from '../src/core/secrets/in-memory-secret-store.js';
import { startSandbox } from '../src/sandbox/index.js';
import { startWebHost } from '../src/web-host/index.js';
import type { BenchReport } from './bench-report.js';

const PERSONS = 50_000;
// Thumbnails exist for the first rows only: enough for what a screen shows, cheap to write.
const WITH_THUMBNAIL = 300;
const root = path.join(import.meta.dirname, '..');

async function seed(sandboxDir: string, collectionId: string): Promise<void> {
  const thumb = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#7a8fa6' } }).jpeg().toBuffer();
  const db = new Database(path.join(sandboxDir, 'sandbox.db'));
  const person = db.prepare('INSERT INTO persons (person_id, collection_id, meta_data, time_created, time_updated) VALUES (?, ?, ?, ?, ?)');
  const image = db.prepare(
    `INSERT INTO person_images (person_image_id, person_id, original_name, mime, tags, sha256, dhash, time_created, time_updated)
     VALUES (?, ?, 'face.jpg', 'image/jpeg', '["photo_selfie"]', ?, '0000000000000000', ?, ?)`,
  );
  const now = Date.now() / 1000;
  db.transaction(() => {
    for (let i = 0; i < PERSONS; i += 1) {
      const personId = randomUUID();
      const imageId = randomUUID();
      person.run(personId, collectionId, JSON.stringify({ first_name: `Person${i}`, middle_name: '', last_name: `Bench${i % 997}` }), now, now);
      image.run(imageId, personId, imageId.replace(/-/g, '').padEnd(64, '0'), now, now);
      if (i < WITH_THUMBNAIL) {
        mkdirSync(path.join(sandboxDir, 'blobs', 'thumbs'), { recursive: true });
        writeFileSync(path.join(sandboxDir, 'blobs', 'thumbs', imageId), thumb);
      }
    }
  })();
  db.close();
}

export default async function personsView(): Promise<BenchReport> {
  const rendererDir = path.join(root, 'out', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) throw new Error('Build the renderer first: npx electron-vite build');
  const work = mkdtempSync(path.join(tmpdir(), 'persons-view-bench-'));
  const sandboxDir = path.join(work, 'sandbox');
  try {
    const first = await startSandbox({ port: 0, dataDir: sandboxDir, seedDemo: true });
    const demo = first.demo!;
    await first.close();
    const seedStart = performance.now();
    await seed(sandboxDir, demo.collectionId);
    const seedMs = performance.now() - seedStart;

    const sandbox = await startSandbox({ port: 0, dataDir: sandboxDir, seedDemo: true });
    const host = await startWebHost({ dataDir: path.join(work, 'desk'), port: 0, rendererDir, secretStore: new InMemorySecretStore() });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // Stamps in the page's own clock: when the first persons:list answer arrives, when the first row paints.
      // A string, not a function: tsx would inject helpers the page does not have.
      await page.addInitScript(`
        const bench = { listIds: new Set(), firstAnswer: null, pages: 0, firstPaint: null };
        window.__bench = bench;
        const send = WebSocket.prototype.send;
        WebSocket.prototype.send = function (data) {
          if (typeof data === 'string' && data.includes('"persons:list"')) bench.listIds.add(JSON.parse(data).id);
          if (!this.__benchHooked) {
            this.__benchHooked = true;
            this.addEventListener('message', (e) => {
              if (typeof e.data !== 'string' || !e.data.startsWith('{"type":"result"')) return;
              if (!bench.listIds.has(JSON.parse(e.data).id)) return;
              bench.pages += 1;
              if (bench.firstAnswer !== null) return;
              bench.firstAnswer = performance.now();
              const poll = () => {
                if (document.querySelector('.person-row:not(.person-row--loading)')) {
                  requestAnimationFrame(() => (bench.firstPaint = performance.now()));
                } else requestAnimationFrame(poll);
              };
              poll();
            });
          }
          return send.call(this, data);
        };
      `);
      await page.goto(host.url);
      await page.getByLabel('Server URL').fill(sandbox.url);
      await page.getByLabel('E-mail').fill(demo.email);
      await page.getByLabel('Password').fill(demo.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Open demo-watchlist' }).click();
      await page.locator('.person-row:not(.person-row--loading)').first().waitFor();
      await page.waitForFunction('window.__bench.firstPaint !== null');
      const stamps = (await page.evaluate('({ firstAnswer: window.__bench.firstAnswer, firstPaint: window.__bench.firstPaint })')) as { firstAnswer: number; firstPaint: number };
      const rowsAtStart = await page.locator('.person-row').count();

      const scroller = page.locator('.persons-list');
      const scrollStart = performance.now();
      // Jump to the end the way a scrollbar drag does, then let the last page land.
      await scroller.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await page.getByText(`Person${PERSONS - 1} `, { exact: false }).first().waitFor({ timeout: 30_000 });
      const scrollMs = performance.now() - scrollStart;
      const rowsAtEnd = await page.locator('.person-row').count();
      const pages = (await page.evaluate('window.__bench.pages')) as number;

      const firstRowMs = stamps.firstPaint - stamps.firstAnswer;
      return {
        title: `Persons view, ${PERSONS.toLocaleString('en')} persons (Chromium, browser mode, sandbox over HTTP)`,
        rows: [
          { metric: 'first persons:list answer → first row painted', value: Math.round(firstRowMs), unit: 'ms', goal: '<= 300', met: firstRowMs <= 300 },
          { metric: 'rows in the DOM after opening', value: rowsAtStart, unit: 'rows', goal: `<< ${PERSONS}`, met: rowsAtStart < 200 },
          { metric: 'rows in the DOM at the end of the list', value: rowsAtEnd, unit: 'rows', goal: `<< ${PERSONS}`, met: rowsAtEnd < 200 },
          { metric: 'persons:list pages fetched (open + jump to end)', value: pages, unit: 'pages', goal: `<< ${PERSONS / 100}`, met: pages < 20 },
          { metric: 'jump to the end → last row shown', value: Math.round(scrollMs), unit: 'ms' },
          { metric: 'seeding 50,000 persons into the sandbox DB', value: Math.round(seedMs), unit: 'ms' },
        ],
        notes: [
          'Page size 100; only the pages under the viewport are requested, so scrolling never loads the whole collection.',
          'Leaves out: Electron (browser mode in Chromium instead), real network latency (loopback), thumbnails of photos on another origin, and the cold start of the app.',
        ],
      };
    } finally {
      await browser.close();
      await host.close();
      await sandbox.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
