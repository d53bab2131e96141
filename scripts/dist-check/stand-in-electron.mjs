// A stand-in Electron dist for electron-builder (config.electronDist): no download. The
// "binary" carries Electron's fuse sentinel and default fuse wire, so the afterPack hook
// flips real fuses and the check can read them back.
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;
// Electron's defaults, in @electron/fuses FuseV1Options order (RunAsNode first).
const DEFAULT_WIRE = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON];

export function writeStandInElectron(dir) {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const binary = Buffer.concat([Buffer.alloc(4096, 0xcc), Buffer.from(FUSE_SENTINEL), Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE]), Buffer.alloc(1024)]);
  writeFileSync(path.join(dir, 'electron'), binary, { mode: 0o755 });
  writeFileSync(path.join(dir, 'chrome-sandbox'), '', { mode: 0o755 });
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
  return dir;
}

/** The packaged binary's RunAsNode fuse: true when still on (a failed check). */
export function runAsNodeFuseOn(binary) {
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at < 0) return null;
  return binary[at + FUSE_SENTINEL.length + 2] === ON;
}
