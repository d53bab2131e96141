import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import sharp from 'sharp';
import { createFaceDetector } from '../../../src/core/quality/index.js';
import { FRONTAL_FACES, portraitOf } from '../../fixtures/quality-fixtures.js';
import { writeY4m } from '../../helpers/y4m.js';
import { test as base } from '../fixtures.js';

export type CameraScene = 'face' | 'empty';

const WIDTH = 640;
const HEIGHT = 480;

/** What the fake webcam films: a frontal portrait centred on a wall, or the wall alone. */
async function sceneJpeg(scene: CameraScene): Promise<Buffer> {
  const wall = sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#8d96a0' } });
  if (scene === 'empty') return wall.jpeg().toBuffer();
  const detector = createFaceDetector();
  try {
    const face = FRONTAL_FACES[0];
    if (!face) throw new Error('no frontal face');
    const portrait = await sharp(await portraitOf(detector, face.sample, face.cx, face.cy)).resize({ height: HEIGHT }).toBuffer();
    const { width = 0 } = await sharp(portrait).metadata();
    return wall.composite([{ input: portrait, left: Math.round((WIDTH - width) / 2), top: 0 }]).jpeg().toBuffer();
  } finally {
    await detector.close();
  }
}

/**
 * The desk in Chromium whose fake camera plays a .y4m of the chosen scene. The scene is a
 * worker option: specs with another scene get their own browser.
 */
export const test = base.extend<object, { readonly cameraScene: CameraScene }>({
  cameraScene: ['face', { scope: 'worker', option: true }],
  deskBrowser: [
    async ({ cameraScene }, use, workerInfo) => {
      if (workerInfo.project.name === 'electron') return use(null);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-camera-'));
      const video = path.join(dir, `${cameraScene}.y4m`);
      await writeY4m(video, await sceneJpeg(cameraScene), { width: WIDTH, height: HEIGHT, frames: 3 });
      const { launchOptions, headless } = workerInfo.project.use;
      const browser = await chromium.launch({
        ...launchOptions,
        headless: headless ?? true,
        args: [
          ...(launchOptions?.args ?? []),
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
          `--use-file-for-fake-video-capture=${video}`,
        ],
      });
      await use(browser);
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '../fixtures.js';
