/**
 * Draws the Teams app icons into appPackage/: color.png (192x192, white clock on the accent
 * color) and outline.png (32x32, white clock on a transparent background), as Teams requires.
 * The clock stands for the guaranteed callback time.
 *
 * Usage: npx tsx scripts/make-icons.ts   (the output is the same on every run; commit the PNGs)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

/** Color with 8-bit channels. Alpha 0 is transparent. */
interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Clock proportions in units of the icon width, with the center at (0.5, 0.5). */
interface ClockShape {
  ringOuterRadius: number;
  ringInnerRadius: number;
  /** Half the stroke width of both hands. */
  handHalfWidth: number;
  /** Length of the hand that points to 12. */
  longHandLength: number;
  /** Length of the hand that points to 3. */
  shortHandLength: number;
}

/** Must equal accentColor in appPackage/manifest.json. */
const ACCENT = { r: 0x1b, g: 0x5e, b: 0x7a, a: 255 };
const WHITE = { r: 255, g: 255, b: 255, a: 255 };
const TRANSPARENT = { r: 0, g: 0, b: 0, a: 0 };
/** Samples per pixel along each axis, for anti-aliased edges. */
const SUPERSAMPLING = 4;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_COLOR_TYPE_RGBA = 6;

/** Distance from point (x, y) to the segment from (x1, y1) to (x2, y2). */
function distanceToSegment(x: number, y: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/** Returns whether the point (unit coordinates) lies on the clock's ring or hands. */
function isOnClock(shape: ClockShape, x: number, y: number): boolean {
  const radius = Math.hypot(x - 0.5, y - 0.5);
  if (radius >= shape.ringInnerRadius && radius <= shape.ringOuterRadius) return true;
  const onLongHand = distanceToSegment(x, y, 0.5, 0.5, 0.5, 0.5 - shape.longHandLength) <= shape.handHalfWidth;
  const onShortHand = distanceToSegment(x, y, 0.5, 0.5, 0.5 + shape.shortHandLength, 0.5) <= shape.handHalfWidth;
  return onLongHand || onShortHand;
}

/**
 * Renders the clock in `foreground` over `background` as straight (not premultiplied) RGBA rows.
 * Edge pixels blend both colors by the share of samples that hit the clock.
 */
function renderClock(size: number, shape: ClockShape, foreground: Rgba, background: Rgba): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLING * SUPERSAMPLING;

  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLING; sx += 1) {
          const x = (column + (sx + 0.5) / SUPERSAMPLING) / size;
          const y = (row + (sy + 0.5) / SUPERSAMPLING) / size;
          if (isOnClock(shape, x, y)) hits += 1;
        }
      }

      const coverage = hits / samples;
      const alpha = foreground.a * coverage + background.a * (1 - coverage);
      const blend = (front: number, back: number): number =>
        alpha === 0 ? 0 : Math.round((front * foreground.a * coverage + back * background.a * (1 - coverage)) / alpha);
      const offset = (row * size + column) * 4;
      pixels[offset] = blend(foreground.r, background.r);
      pixels[offset + 1] = blend(foreground.g, background.g);
      pixels[offset + 2] = blend(foreground.b, background.b);
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/** Encodes square RGBA pixels as a PNG: 8 bits per channel, no interlacing, filter type 0 on every row. */
function encodePng(size: number, pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = PNG_COLOR_TYPE_RGBA;
  // Bytes 10-12 stay 0: deflate compression, adaptive filtering, no interlace.

  const rowLength = size * 4;
  const scanlines = Buffer.alloc(size * (rowLength + 1));
  for (let row = 0; row < size; row += 1) {
    // Each scanline starts with its filter type byte; 0 means unfiltered.
    pixels.copy(scanlines, row * (rowLength + 1) + 1, row * rowLength, (row + 1) * rowLength);
  }

  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(scanlines, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function writeIcon(fileName: string, size: number, shape: ClockShape, foreground: Rgba, background: Rgba): void {
  const path = fileURLToPath(new URL(`../appPackage/${fileName}`, import.meta.url));
  writeFileSync(path, encodePng(size, renderClock(size, shape, foreground, background)));
  console.log(`Wrote ${path} (${size}x${size})`);
}

// The color icon keeps the clock inside the central 120 px, leaving a margin on the accent color.
writeIcon(
  'color.png',
  192,
  { ringOuterRadius: 0.31, ringInnerRadius: 0.25, handHalfWidth: 0.028, longHandLength: 0.19, shortHandLength: 0.14 },
  WHITE,
  ACCENT,
);
// The outline icon uses the whole 32 px with thicker strokes, so the clock stays readable at that size.
writeIcon(
  'outline.png',
  32,
  { ringOuterRadius: 0.47, ringInnerRadius: 0.36, handHalfWidth: 0.055, longHandLength: 0.28, shortHandLength: 0.21 },
  WHITE,
  TRANSPARENT,
);
