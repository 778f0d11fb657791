// Without a browser, the two charts beautiful-mermaid cannot draw (the roadmap gantt and the
// portfolio quadrant chart) are drawn here as plain SVG, from the Mermaid text our own generators
// wrote (a small, regular subset: see diagrams/roadmap.ts and diagrams/portfolio.ts). The look
// follows the browser rendering (src/render/theme.ts) closely enough for a report; the layout is
// simpler. Every text is XML-escaped; nothing is loaded.
import { decodeEntities } from '../diagrams/mermaid-escape.js';
import { FONT_STACK } from './theme.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const unquote = (s: string) => decodeEntities(s.trim().replace(/^"(.*)"$/, '$1'));

/** Rough text width in px (wide characters count double): enough to place labels. */
function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? size : size * 0.56;
  return w;
}

function svgOpen(id: string, width: number, height: number, title: string): string {
  return `<svg id="${esc(id)}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}"`
    + ` style="background:#ffffff;font-family:${esc(FONT_STACK)}"><title>${esc(title)}</title>`;
}

// ---- gantt ------------------------------------------------------------------------------------

interface Task { section: string; name: string; tags: string[]; start: number; end: number }

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

export function ganttSvg(source: string, svgId: string): string | undefined {
  const tasks: Task[] = [];
  let section = '';
  let title = '';
  for (const line of source.split('\n')) {
    const l = line.trim();
    if (l.startsWith('accTitle:')) title = l.slice(9).trim();
    else if (l.startsWith('section ')) section = decodeEntities(l.slice(8));
    else {
      const m = /^(.*) :((?:(?:done|active|crit|milestone), )*)i\d+, (\d{4}-\d\d-\d\d), (\d{4}-\d\d-\d\d|0d)$/.exec(l);
      if (!m) continue;
      const start = day(m[3]);
      tasks.push({ section, name: decodeEntities(m[1]), tags: m[2].split(', ').filter(Boolean), start, end: m[4] === '0d' ? start : day(m[4]) });
    }
  }
  if (tasks.length === 0) return undefined;
  const min = Math.min(...tasks.map((x) => x.start));
  const max = Math.max(...tasks.map((x) => x.end), min + 28);
  const left = 190;
  const width = 1280;
  const chartW = width - left - 40;
  const rowH = 34;
  const top = 40;
  const x = (d: number) => left + ((d - min) / (max - min)) * chartW;
  const height = top + tasks.length * rowH + 40;
  const out: string[] = [svgOpen(svgId, width, height, title)];
  // Section bands and names.
  let y = top;
  const sections = [...new Set(tasks.map((t) => t.section))];
  sections.forEach((s, i) => {
    const n = tasks.filter((t) => t.section === s).length;
    out.push(`<rect x="10" y="${y}" width="${width - 20}" height="${n * rowH}" fill="${i % 2 ? '#ffffff' : '#f2f5fa'}"/>`);
    out.push(`<text x="20" y="${y + (n * rowH) / 2 + 4}" font-size="13" fill="#1b2a41">${esc(s)}</text>`);
    y += n * rowH;
  });
  // Month grid.
  const first = new Date(min * 86_400_000);
  for (let m = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1) / 86_400_000, k = 0; m <= max && k < 200; k++) {
    const d = new Date(m * 86_400_000);
    out.push(`<line x1="${x(m).toFixed(1)}" y1="${top}" x2="${x(m).toFixed(1)}" y2="${top + tasks.length * rowH}" stroke="#e3e7ee"/>`);
    out.push(`<text x="${x(m).toFixed(1)}" y="${top + tasks.length * rowH + 18}" font-size="11" text-anchor="middle" fill="#3c4043">${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}</text>`);
    m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86_400_000;
  }
  // Bars.
  tasks.forEach((t, i) => {
    const by = top + i * rowH + 4;
    const x0 = x(t.start);
    const w = Math.max(4, x(t.end) - x0);
    const crit = t.tags.includes('crit');
    const done = t.tags.includes('done');
    const active = t.tags.includes('active');
    const fill = crit ? '#c5221f' : done ? '#5f6368' : active ? '#dbe7f8' : '#4a78c2';
    const stroke = crit ? '#8c1513' : done ? '#3c4043' : '#2f5597';
    out.push(`<rect x="${x0.toFixed(1)}" y="${by}" width="${w.toFixed(1)}" height="26" rx="3" fill="${fill}" stroke="${stroke}"/>`);
    const tw = textWidth(t.name, 13);
    const inside = tw + 12 < w;
    // Outside: right of the bar, or left of it when the right side has no room (as Mermaid does).
    const leftOf = !inside && x0 + w + 6 + tw > width - 10;
    const tx = inside ? x0 + w / 2 : leftOf ? x0 - 6 : x0 + w + 6;
    const color = inside && !active ? '#ffffff' : '#1b2a41';
    const anchor = inside ? ' text-anchor="middle"' : leftOf ? ' text-anchor="end"' : '';
    out.push(`<text x="${tx.toFixed(1)}" y="${by + 17}" font-size="13" fill="${color}"${anchor}>${esc(t.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}

// ---- quadrant chart ---------------------------------------------------------------------------

export function quadrantSvg(source: string, svgId: string): string | undefined {
  let title = '';
  const axis: Record<string, [string, string]> = {};
  const quadrant: Record<string, string> = {};
  const classes: Record<string, { color: string; radius: number }> = {};
  const points: { name: string; cls: string; x: number; y: number }[] = [];
  for (const line of source.split('\n')) {
    const l = line.trim();
    let m: RegExpExecArray | null;
    if (l.startsWith('accTitle:')) title = l.slice(9).trim();
    else if ((m = /^([xy])-axis (".*?") --> (".*?")$/.exec(l))) axis[m[1]] = [unquote(m[2]), unquote(m[3])];
    else if ((m = /^quadrant-([1-4]) (".*")$/.exec(l))) quadrant[m[1]] = unquote(m[2]);
    else if ((m = /^(".*"):::(\w+): \[([\d.]+), ([\d.]+)\]$/.exec(l))) points.push({ name: unquote(m[1]), cls: m[2], x: Number(m[3]), y: Number(m[4]) });
    else if ((m = /^classDef (\w+) (.*)$/.exec(l))) {
      const color = /color: (#[0-9a-f]{3,8})/i.exec(m[2])?.[1] ?? '#4a78c2';
      const radius = Number(/radius: (\d+)/.exec(m[2])?.[1] ?? 6);
      classes[m[1]] = { color, radius };
    }
  }
  const W = 760;
  const H = 640;
  const padL = 48;
  const padT = 20;
  const padB = 40;
  const width = W + padL + 20;
  const height = H + padT + padB;
  const cx = (v: number) => padL + v * W;
  const cy = (v: number) => padT + (1 - v) * H;
  const out: string[] = [svgOpen(svgId, width, height, title)];
  const fills = ['#e3f2e6', '#fff3e0', '#fde8e6', '#eef4fb'];
  const inks = ['#1e7b34', '#a35200', '#a50e0e', '#2f5597'];
  const boxes: [number, number][] = [[0.5, 1], [0, 1], [0, 0.5], [0.5, 0.5]];
  boxes.forEach(([qx, qy], i) => {
    out.push(`<rect x="${cx(qx)}" y="${cy(qy)}" width="${W / 2}" height="${H / 2}" fill="${fills[i]}" stroke="#ffffff"/>`);
    out.push(`<text x="${cx(qx) + W / 4}" y="${cy(qy) + 26}" font-size="18" text-anchor="middle" fill="${inks[i]}">${esc(quadrant[String(i + 1)] ?? '')}</text>`);
  });
  out.push(`<rect x="${padL}" y="${padT}" width="${W}" height="${H}" fill="none" stroke="#b7c3d4"/>`);
  const [xl, xh] = axis.x ?? ['', ''];
  const [yl, yh] = axis.y ?? ['', ''];
  out.push(`<text x="${cx(0.25)}" y="${height - 12}" font-size="14" text-anchor="middle" fill="#3c4043">${esc(xl)}</text>`);
  out.push(`<text x="${cx(0.75)}" y="${height - 12}" font-size="14" text-anchor="middle" fill="#3c4043">${esc(xh)}</text>`);
  out.push(`<text transform="translate(22 ${cy(0.25)}) rotate(-90)" font-size="14" text-anchor="middle" fill="#3c4043">${esc(yl)}</text>`);
  out.push(`<text transform="translate(22 ${cy(0.75)}) rotate(-90)" font-size="14" text-anchor="middle" fill="#3c4043">${esc(yh)}</text>`);
  for (const p of points) {
    const c = classes[p.cls] ?? { color: '#4a78c2', radius: 6 };
    out.push(`<circle cx="${cx(p.x).toFixed(1)}" cy="${cy(p.y).toFixed(1)}" r="${c.radius}" fill="${c.color}" stroke="#1b2a41" stroke-width="1"/>`);
    out.push(`<text x="${cx(p.x).toFixed(1)}" y="${(cy(p.y) + c.radius + 13).toFixed(1)}" font-size="12" text-anchor="middle" fill="#1f2937">${esc(p.name)}</text>`);
  }
  out.push('</svg>');
  return out.join('');
}
