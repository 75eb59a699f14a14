/**
 * Draws the add-in and ribbon icons (assets/*.png): a white symbol on a coloured rounded square,
 * at every size the manifest declares. Run with `npm run icons` after changing a shape or colour;
 * the generated PNGs are committed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodePng } from "./png";

export const ICON_SIZES = [16, 32, 64, 80] as const;

type Point = readonly [number, number];
/** A shape says whether a point (unit coordinates, origin top-left) lies inside it. */
type Shape = (x: number, y: number) => boolean;
/** Shapes are built per pixel size so strokes never get thinner than what a 16 px icon can show. */
type Symbol = (sizePx: number) => Shape[];

interface IconDesign {
  readonly name: string;
  readonly background: readonly [number, number, number];
  readonly symbol: Symbol;
}

function stroke(sizePx: number, relative: number, minPx = 1.7): number {
  return Math.max(relative, minPx / sizePx);
}

function segment(a: Point, b: Point, width: number): Shape {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    return px * px + py * py <= (width / 2) ** 2;
  };
}

function ellipseRing(center: Point, rx: number, ry: number, width: number): Shape {
  const [cx, cy] = center;
  return (x, y) => {
    const outer = ((x - cx) / (rx + width / 2)) ** 2 + ((y - cy) / (ry + width / 2)) ** 2 <= 1;
    const inner = ((x - cx) / Math.max(rx - width / 2, 1e-6)) ** 2 + ((y - cy) / Math.max(ry - width / 2, 1e-6)) ** 2 < 1;
    return outer && !inner;
  };
}

function rect(left: number, top: number, right: number, bottom: number): Shape {
  return (x, y) => x >= left && x <= right && y >= top && y <= bottom;
}

function rectOutline(left: number, top: number, right: number, bottom: number, width: number): Shape {
  const outer = rect(left, top, right, bottom);
  const inner = rect(left + width, top + width, right - width, bottom - width);
  return (x, y) => outer(x, y) && !inner(x, y);
}

function triangle(a: Point, b: Point, c: Point): Shape {
  const side = (p: Point, q: Point, x: number, y: number) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return (x, y) => {
    const s1 = side(a, b, x, y);
    const s2 = side(b, c, x, y);
    const s3 = side(c, a, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

function roundedSquare(inset: number, radius: number): Shape {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  return (x, y) => {
    const dx = Math.max(lo - x, 0, x - hi);
    const dy = Math.max(lo - y, 0, y - hi);
    return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && dx * dx + dy * dy <= radius * radius;
  };
}

/** The add-in: a globe (delegations travel abroad and come in). */
const globe: Symbol = (px) => {
  const w = stroke(px, 0.075);
  return [
    ellipseRing([0.5, 0.5], 0.3, 0.3, w),
    ellipseRing([0.5, 0.5], 0.12, 0.3, w),
    segment([0.2, 0.5], [0.8, 0.5], w),
  ];
};

/** Kiểm tra: a check mark. */
const checkMark: Symbol = (px) => {
  const w = stroke(px, 0.13, 2);
  return [segment([0.26, 0.52], [0.43, 0.69], w), segment([0.43, 0.69], [0.75, 0.33], w)];
};

/** Mở bảng: a window with its right-hand pane filled. */
const pane: Symbol = (px) => {
  const w = stroke(px, 0.07, 1.5);
  return [rectOutline(0.2, 0.24, 0.8, 0.76, w), rect(0.56, 0.24, 0.8, 0.76)];
};

/** Tổng hợp: two lines joining into one arrow. */
const merge: Symbol = (px) => {
  const w = stroke(px, 0.1, 1.8);
  return [
    segment([0.2, 0.27], [0.48, 0.5], w),
    segment([0.2, 0.73], [0.48, 0.5], w),
    segment([0.48, 0.5], [0.64, 0.5], w),
    triangle([0.6, 0.32], [0.84, 0.5], [0.6, 0.68]),
  ];
};

export const ICONS: readonly IconDesign[] = [
  { name: "icon", background: [0x0f, 0x6c, 0xbd], symbol: globe },
  { name: "check", background: [0x10, 0x7c, 0x10], symbol: checkMark },
  { name: "pane", background: [0x0f, 0x6c, 0xbd], symbol: pane },
  { name: "merge", background: [0x88, 0x17, 0x98], symbol: merge },
];

const SUBSAMPLES = 4;

/** Rasterises one icon with 4×4 supersampling, so edges are anti-aliased. */
export function renderIcon(design: IconDesign, sizePx: number): Uint8Array {
  const background = roundedSquare(0.03, 0.18);
  const symbol = design.symbol(sizePx);
  const rgba = new Uint8Array(sizePx * sizePx * 4);
  for (let py = 0; py < sizePx; py++) {
    for (let px = 0; px < sizePx; px++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / sizePx;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / sizePx;
          if (!background(x, y)) continue;
          covered++;
          if (symbol.some((shape) => shape(x, y))) white++;
        }
      }
      const offset = (py * sizePx + px) * 4;
      if (covered === 0) continue;
      const whiteShare = white / covered;
      for (let channel = 0; channel < 3; channel++) {
        rgba[offset + channel] = Math.round(design.background[channel] * (1 - whiteShare) + 255 * whiteShare);
      }
      rgba[offset + 3] = Math.round((255 * covered) / (SUBSAMPLES * SUBSAMPLES));
    }
  }
  return rgba;
}

export function iconFileName(name: string, sizePx: number): string {
  return `${name}-${sizePx}.png`;
}

function main(): void {
  const outDir = join(__dirname, "..", "assets");
  mkdirSync(outDir, { recursive: true });
  for (const design of ICONS) {
    for (const size of ICON_SIZES) {
      const file = join(outDir, iconFileName(design.name, size));
      writeFileSync(file, encodePng(size, size, renderIcon(design, size)));
      console.log(`wrote ${file}`);
    }
  }
}

if (require.main === module) main();
