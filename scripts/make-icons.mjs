// Renders resources/icon.svg to the PNG electron-builder packages (512×512, the size it
// needs to derive every Windows and Linux icon). Run after editing the SVG.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const resources = fileURLToPath(new URL('../resources/', import.meta.url));
const output = path.join(resources, 'icon.png');
await sharp(path.join(resources, 'icon.svg'), { density: 144 })
  .resize(512, 512)
  .png({ compressionLevel: 9, palette: true })
  .toFile(output);
console.log(`wrote ${path.relative(process.cwd(), output)}`);
