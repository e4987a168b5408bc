// Draws the extension's icon, images/icon.png (128x128 RGBA): a shield guarding a network port on a
// rounded square. No dependencies: shapes are inside-tests sampled 4x4 per pixel, written as a PNG
// with node:zlib.   node scripts/gen-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'images', 'icon.png');

const NAVY = [22, 44, 77];
const TEAL = [38, 166, 154];
const WHITE = [244, 248, 250];

const roundedRect = (x, y, left, top, right, bottom, radius) => {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= left && x <= right && y >= top && y <= bottom;
};
const rect = (x, y, left, top, right, bottom) => x >= left && x <= right && y >= top && y <= bottom;
/** A shield: straight sides from `top` to `mid`, then an elliptic curve down to the point at `bottom`. */
const shield = (x, y, cx, halfWidth, top, mid, bottom) => {
  if (y < top || y > bottom) return false;
  const dx = Math.abs(x - cx);
  if (y <= mid) return dx <= halfWidth - Math.max(0, (top + 6 - y)) * 0.6; // slightly bevelled top corners
  const t = (y - mid) / (bottom - mid);
  return dx <= halfWidth * Math.sqrt(1 - t * t);
};

/** The colour at a point (in 0..SIZE coordinates), or undefined for transparent. */
function colourAt(x, y) {
  if (!roundedRect(x, y, 4, 4, 124, 124, 24)) return undefined;
  if (!shield(x, y, 64, 38, 18, 62, 114)) return NAVY;
  if (!shield(x, y, 64, 31, 25, 62, 105)) return TEAL;
  // The port: an RJ45 socket (body, latch notch below) with its contacts.
  const body = rect(x, y, 42, 44, 86, 74);
  const latch = rect(x, y, 54, 74, 74, 84);
  if (!body && !latch) return WHITE;
  for (let pin = 0; pin < 6; pin++) if (rect(x, y, 47 + pin * 6.4, 48, 50.5 + pin * 6.4, 57)) return TEAL;
  return NAVY;
}

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    const sum = [0, 0, 0];
    let covered = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        covered++;
        for (let c = 0; c < 3; c++) sum[c] += colour[c];
      }
    }
    const at = (py * SIZE + px) * 4;
    for (let c = 0; c < 3; c++) pixels[at + c] = covered ? Math.round(sum[c] / covered) : 0;
    pixels[at + 3] = Math.round((255 * covered) / SAMPLES ** 2);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const scanlines = Buffer.concat(Array.from({ length: SIZE }, (_, row) => Buffer.concat([Buffer.from([0]), pixels.subarray(row * SIZE * 4, (row + 1) * SIZE * 4)])));
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(scanlines, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out.slice(root.length + 1)} (${png.length} bytes)`);
