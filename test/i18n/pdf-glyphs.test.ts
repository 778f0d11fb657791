// The Japanese PDF report shows Japanese glyphs, not tofu (□ boxes drawn when no font has the
// character). Needs Chromium, fonts-noto-cjk, fontconfig and poppler-utils (pdftotext, pdftoppm);
// without them the tests fail and say what to install (.ci/run installs them). Three checks: the text layer holds the Japanese strings; the title line, drawn
// as pixels, is made of many different glyph shapes (tofu boxes all look alike); and the CJK font
// the HTML asks for is installed.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { requireBrowser, requireBuild, requireCommand, SLOW_TEST_TIMEOUT } from '../requirements.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A binary PGM (P5) image: width, height and one byte of grey per pixel. */
function readPgm(file: string): { w: number; h: number; px: Uint8Array } {
  const buf = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`not a PGM: ${file}`);
  return { w: Number(header[1]), h: Number(header[2]), px: buf.subarray(header[0].length) };
}

/** Splits the first line of ink into glyph-sized pieces (runs of inked columns) and hashes each. */
function glyphShapes(img: { w: number; h: number; px: Uint8Array }): string[] {
  const ink = (x: number, y: number): boolean => img.px[y * img.w + x] < 128;
  const rowHasInk = (y: number): boolean => {
    for (let x = 0; x < img.w; x++) if (ink(x, y)) return true;
    return false;
  };
  let top = 0;
  while (top < img.h && !rowHasInk(top)) top++;
  let bottom = top;
  while (bottom < img.h && rowHasInk(bottom)) bottom++;
  const shapes: string[] = [];
  let x = 0;
  while (x < img.w) {
    const colHasInk = (cx: number): boolean => {
      for (let y = top; y < bottom; y++) if (ink(cx, y)) return true;
      return false;
    };
    if (!colHasInk(x)) {
      x++;
      continue;
    }
    const start = x;
    while (x < img.w && colHasInk(x)) x++;
    const h = createHash('sha1');
    for (let y = top; y < bottom; y++) for (let cx = start; cx < x; cx++) h.update(ink(cx, y) ? '1' : '0');
    shapes.push(h.digest('hex'));
  }
  return shapes;
}

function renderPdf(out: string, env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'martech-audit.js'), 'report', 'examples/sakura-retail.yaml', '--out', join(out, 'r'), '--pdf', '--start', '2027-01'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000, env });
  expect([0, 1], r.stderr).toContain(r.status);
  const pdf = join(out, 'r', 'report.pdf');
  expect(existsSync(pdf), r.stderr).toBe(true);
  return pdf;
}

/** Share of different shapes among the glyphs of the first page's title line. */
function titleShapeVariety(pdf: string, out: string): { glyphs: number; variety: number } {
  spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '100', '-gray', '-x', '0', '-y', '0', '-W', '827', '-H', '160', pdf, join(out, 'title')]);
  const pgm = ['title-01.pgm', 'title-1.pgm'].map((f) => join(out, f)).find(existsSync);
  expect(pgm, 'pdftoppm wrote the page image').toBeDefined();
  const shapes = glyphShapes(readPgm(pgm!));
  return { glyphs: shapes.length, variety: new Set(shapes).size / Math.max(1, shapes.length) };
}

/**
 * A folder of links to the installed fonts that have no Japanese (fontconfig's own answer), for a
 * fontconfig that knows only those. fontconfig always comes with some such font (DejaVu, Liberation…).
 */
function latinOnlyFonts(out: string): string {
  const files = (lang: string): Set<string> =>
    new Set(spawnSync('fc-list', [`:lang=${lang}`, 'file'], { encoding: 'utf8' }).stdout.split('\n').map((l) => l.replace(/:\s*$/, '')).filter(Boolean));
  const japanese = files('ja');
  const latin = [...files('en')].filter((f) => !japanese.has(f)).sort();
  expect(latin.length, 'fc-list finds a font without Japanese (install fonts-dejavu-core)').toBeGreaterThan(0);
  const dir = join(out, 'fonts');
  mkdirSync(dir);
  latin.forEach((f, i) => symlinkSync(f, join(dir, `${i}-${basename(f)}`)));
  return dir;
}

describe('Japanese glyphs in the PDF report', { timeout: SLOW_TEST_TIMEOUT }, () => {
  beforeAll(() => {
    requireBuild();
    requireBrowser();
    for (const cmd of ['pdftotext', 'pdftoppm', 'fc-match', 'fc-list']) requireCommand(cmd);
  });

  it('renders the Japanese example to a PDF whose text and pixels are Japanese', () => {
    const out = mkdtempSync(join(tmpdir(), 'martech-pdf-ja-'));
    try {
      const pdf = renderPdf(out);

      // 1. The text layer: the organisation, the title and section headings in Japanese.
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      for (const s of ['株式会社さくら雑貨', '健全性スコア', '指摘', 'ロードマップ']) expect(text).toContain(s);
      expect(text).not.toMatch(/[\uFFFD□]/);

      // 2. The pixels: crop the page's first text line (the title) and compare glyph shapes.
      // The Japanese title has ~20 different characters (measured: 23 shapes of 25 glyphs);
      // tofu boxes are identical rectangles (measured: 4 shapes of 25).
      const { glyphs, variety } = titleShapeVariety(pdf, out);
      expect(glyphs, 'glyphs on the title line').toBeGreaterThan(10);
      expect(variety).toBeGreaterThan(0.5);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('the pixel check does see tofu when no CJK font is available', () => {
    const out = mkdtempSync(join(tmpdir(), 'martech-pdf-tofu-'));
    try {
      // A fontconfig that knows only Latin fonts: Chromium then draws □ for every kanji and kana.
      const conf = join(out, 'fonts.conf');
      writeFileSync(conf, `<?xml version="1.0"?><fontconfig><dir>${latinOnlyFonts(out)}</dir><cachedir>${join(out, 'cache')}</cachedir></fontconfig>`);
      const pdf = renderPdf(out, { ...process.env, FONTCONFIG_FILE: conf });
      expect(titleShapeVariety(pdf, out).variety).toBeLessThan(0.5);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('the CJK font of the report font stack is installed (fonts-noto-cjk)', () => {
    const match = spawnSync('fc-match', ['Noto Sans CJK JP'], { encoding: 'utf8' }).stdout;
    expect(match).toMatch(/Noto ?Sans ?CJK/i);
  });
});
