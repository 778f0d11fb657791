// Checks shared by the rendering and report tests: is an SVG well-formed, self-contained and safe;
// how large is a PNG; how many pages has a PDF.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

type JsdomCtor = new (html: string, opts?: object) => { window: any };
let jsdom: Promise<JsdomCtor> | undefined;

/** jsdom's JSDOM class (imported by name: no type declarations are installed). */
export function JSDOM_PARSE(): Promise<JsdomCtor> {
  const name = 'jsdom';
  jsdom ??= import(name).then((m) => m.JSDOM as JsdomCtor);
  return jsdom;
}

const NAMESPACES = new Set([
  'http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink', 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/XML/1998/namespace',
]);

/** URLs a document could fetch: src/href attributes, url(...) and @import. Namespaces are not fetched. */
export function externalReferences(markup: string): string[] {
  const out: string[] = [];
  for (const m of markup.matchAll(/\b(?:src|href|xlink:href|action|poster|data)\s*=\s*["']?\s*([^"'\s>]+)/gi)) {
    if (!m[1].startsWith('#') && !m[1].startsWith('data:')) out.push(m[1]);
  }
  for (const m of markup.matchAll(/url\(\s*["']?([^"')]+)/gi)) if (!m[1].startsWith('#') && !m[1].startsWith('data:')) out.push(m[1]);
  for (const m of markup.matchAll(/@import\s+[^;]+/gi)) out.push(m[0]);
  for (const m of markup.matchAll(/https?:\/\/[^\s"'<>)]+/gi)) if (!NAMESPACES.has(m[0])) out.push(m[0]);
  return out;
}

/** What is wrong with an SVG meant to leave the browser (empty when nothing). Text is not markup. */
export async function svgProblems(svg: string, id?: string): Promise<string[]> {
  const problems: string[] = [];
  const Dom = await JSDOM_PARSE();
  const { window } = new Dom('');
  const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (doc.getElementsByTagName('parsererror').length || root.nodeName !== 'svg') return ['not well-formed SVG'];
  if (id && root.getAttribute('id') !== id) problems.push(`root id is ${root.getAttribute('id')}, expected ${id}`);
  const ids: string[] = [];
  for (const el of [root, ...root.querySelectorAll('*')] as any[]) {
    const tag = String(el.localName).toLowerCase();
    if (tag === 'script') problems.push('has a script');
    if (tag === 'foreignobject') problems.push('has HTML labels (foreignObject)');
    if (tag === 'style') problems.push(...externalReferences(el.textContent ?? '').map((u) => `external reference in <style>: ${u}`));
    for (const attr of [...el.attributes] as { name: string; value: string }[]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`event handler attribute ${name}`);
      if (name === 'id') ids.push(attr.value);
      if (/(^|:)href$|^src$/.test(name) && !attr.value.startsWith('#') && !attr.value.startsWith('data:')) problems.push(`external reference ${attr.value}`);
      if (name === 'style' || name === 'fill' || name === 'stroke' || name.startsWith('marker') || name === 'filter' || name === 'clip-path') {
        for (const m of attr.value.matchAll(/url\(\s*["']?([^"')]+)/gi)) if (!m[1].startsWith('#')) problems.push(`external reference ${m[1]}`);
      }
    }
  }
  const dup = ids.filter((x, i) => ids.indexOf(x) !== i);
  if (dup.length) problems.push(`duplicate ids: ${[...new Set(dup)].slice(0, 3).join(', ')}`);
  if (id) {
    const foreign = ids.filter((x) => !x.includes(id));
    if (foreign.length) problems.push(`ids without ${id}: ${foreign.slice(0, 3).join(', ')}`);
  }
  return problems;
}

export function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  if (b.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Page count: poppler's pdfinfo when installed, else the page tree's /Count. */
export function pdfPageCount(pdf: Uint8Array | string): number {
  if (typeof pdf === 'string') {
    try {
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const m = /Pages:\s+(\d+)/.exec(info);
      if (m) return Number(m[1]);
    } catch { /* no poppler */ }
    pdf = new Uint8Array(readFileSync(pdf));
  }
  const text = Buffer.from(pdf).toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g), ...text.matchAll(/\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1]));
  if (counts.length) return Math.max(...counts);
  return [...text.matchAll(/\/Type\s*\/Page(?!s)/g)].length;
}
