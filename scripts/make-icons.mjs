#!/usr/bin/env node
// Draws the Teams app icons for appPackage/ and writes them as PNG files.
//
//   node scripts/make-icons.mjs [outDir]      (default: appPackage/)
//
// color.png   192×192, opaque: a white ballot box with a ballot carrying a
//             check mark, on the calm blue #1F5C99.
// outline.png 32×32, the same motif as white lines on fully transparent pixels.
//
// No dependencies: a tiny supersampling rasteriser and a hand-rolled PNG
// encoder (IHDR/IDAT/IEND, CRC-32, RGBA 8 bit) on top of node:zlib.

import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------- PNG ----

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** Encodes straight-alpha RGBA pixels (Uint8Array, width*height*4) as a PNG. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------- drawing ----

// Shapes are inside-tests in pixel coordinates (x right, y down).
const rect = (x0, y0, x1, y1, r = 0) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  if (r <= 0) return true;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

/** A stroke along a polyline with round joins and caps. */
const polyline = (points, width) => (x, y) => {
  const h = width / 2;
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= h * h) return true;
  }
  return false;
};

/** The outline of an axis-aligned rectangle, `w` thick, drawn inside its bounds. */
const frame = (x0, y0, x1, y1, w, r = 0) => {
  const outer = rect(x0, y0, x1, y1, r);
  const inner = rect(x0 + w, y0 + w, x1 - w, y1 - w, Math.max(0, r - w));
  return (x, y) => outer(x, y) && !inner(x, y);
};

const hex = (s, a = 255) => [
  parseInt(s.slice(1, 3), 16),
  parseInt(s.slice(3, 5), 16),
  parseInt(s.slice(5, 7), 16),
  a,
];

/**
 * Renders layers ({ shape, color }; color [r,g,b,a] or null to erase) over a
 * background, with n×n supersampling per pixel. Returns straight-alpha RGBA.
 */
function render(size, background, layers, n = 8) {
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          let c = background;
          for (const layer of layers) if (layer.shape(x, y)) c = layer.color ?? [0, 0, 0, 0];
          const ca = c[3] / 255;
          r += c[0] * ca;
          g += c[1] * ca;
          b += c[2] * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const samples = n * n;
      out[i] = a > 0 ? Math.round(r / a) : 0;
      out[i + 1] = a > 0 ? Math.round(g / a) : 0;
      out[i + 2] = a > 0 ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / samples) * 255);
    }
  }
  return out;
}

const BLUE = hex('#1F5C99');
const WHITE = hex('#FFFFFF');
const PAPER = hex('#F3F7FB');

/** 192×192: the motif sits inside the central ~120 px, as Teams asks. */
function colorIcon() {
  const S = 192;
  return render(S, BLUE, [
    // Lid of the ballot box, with the slot cut into it.
    { shape: rect(36, 90, 156, 106, 4), color: WHITE },
    // Body of the box, below a thin blue seam.
    { shape: rect(44, 110, 148, 156, 6), color: WHITE },
    // Label on the front of the box.
    { shape: rect(78, 128, 114, 134, 3), color: BLUE },
    // Slot.
    { shape: rect(62, 95, 130, 101, 3), color: BLUE },
    // Ballot going into the slot: a blue rim separates it from the lid.
    { shape: rect(67, 26, 125, 98, 5), color: BLUE },
    { shape: rect(70, 29, 122, 98, 3), color: PAPER },
    // Check mark on the ballot.
    { shape: polyline([[82, 62], [92, 73], [110, 46]], 8), color: BLUE },
  ]);
}

/** 32×32: white lines only, transparent everywhere else. */
function outlineIcon() {
  const S = 32;
  const NONE = [0, 0, 0, 0];
  return render(S, NONE, [
    // Box body; its top edge hides under the lid bar.
    { shape: frame(5, 16, 27, 29, 2, 1.5), color: WHITE },
    // Lid bar.
    { shape: rect(3, 15, 29, 18, 1), color: WHITE },
    // Ballot: its two sides run down into the lid, which is open between
    // them (the slot).
    { shape: frame(10, 2, 22, 18, 2, 1.5), color: WHITE },
    { shape: rect(12, 4, 20, 18), color: null },
    // Check mark.
    { shape: polyline([[13.6, 9.6], [15.6, 11.8], [18.6, 6.4]], 1.8), color: WHITE },
  ]);
}

// ------------------------------------------------------------- main ----

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.argv[2] ?? join(here, '..', 'appPackage'));
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'color.png'), encodePng(192, 192, colorIcon()));
writeFileSync(join(outDir, 'outline.png'), encodePng(32, 32, outlineIcon()));
console.log(`Wrote ${join(outDir, 'color.png')} (192×192) and ${join(outDir, 'outline.png')} (32×32)`);
