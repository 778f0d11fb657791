// The size at which every piece of text of a PDF is set, in points, as a reader sees it on the
// page: the font size times the text matrix times every transformation around it (cm, q/Q, the
// matrices of form XObjects drawn with Do). Enough of PDF for what Chromium writes (no object
// streams, Flate-compressed content); no glyph decoding: the text is reported by the page's
// words when needed (pdftotext). Written for the test that no word is set below 8 pt.
import { inflateSync } from 'node:zlib';

export interface TextRun { page: number; size: number }

type M = [number, number, number, number, number, number];
const ID: M = [1, 0, 0, 1, 0, 0];
const mul = (a: M, b: M): M => [
  a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
];

interface Obj { dict: string; stream?: Buffer }

function readObjects(pdf: Buffer): Map<number, Obj> {
  const text = pdf.toString('latin1');
  const objs = new Map<number, Obj>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = /\bstream\r?\n/.exec(body);
    if (!s) {
      objs.set(Number(m[1]), { dict: body });
    } else {
      const dict = body.slice(0, s.index);
      const dataStart = start + s.index + s[0].length;
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? -1);
      const dataEnd = length >= 0 ? dataStart + length : text.indexOf('endstream', dataStart);
      let data = pdf.subarray(dataStart, dataEnd);
      if (/\/FlateDecode/.test(dict)) data = inflateSync(data);
      objs.set(Number(m[1]), { dict, stream: data });
    }
    re.lastIndex = end;
  }
  return objs;
}

const refs = (s: string): number[] => [...s.matchAll(/(\d+) 0 R/g)].map((x) => Number(x[1]));

/** The value of /Key in a dictionary's text: a reference, or an inline << >> / [ ] body. */
function entry(dict: string, key: string): string | undefined {
  const i = dict.search(new RegExp(`/${key}\\b`));
  if (i < 0) return undefined;
  let j = i + key.length + 1;
  while (/\s/.test(dict[j])) j++;
  if (dict.startsWith('<<', j) || dict[j] === '[') {
    const [open, close] = dict[j] === '[' ? ['[', ']'] : ['<<', '>>'];
    let depth = 0;
    for (let k = j; k < dict.length; k++) {
      if (dict.startsWith(open, k)) { depth++; k += open.length - 1; } else if (dict.startsWith(close, k)) {
        depth--;
        if (depth === 0) return dict.slice(j, k + close.length);
        k += close.length - 1;
      }
    }
    return dict.slice(j);
  }
  return /^(\d+ 0 R|\/?[^\s/<>[\]]+)/.exec(dict.slice(j))?.[1];
}

function resolve(objs: Map<number, Obj>, value: string | undefined): string | undefined {
  const r = value && /^(\d+) 0 R$/.exec(value.trim());
  return r ? objs.get(Number(r[1]))?.dict : value;
}

function xobjects(objs: Map<number, Obj>, resources: string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  const x = resolve(objs, entry(resolve(objs, resources) ?? '', 'XObject'));
  for (const m of (x ?? '').matchAll(/\/([^\s/<>[\]()]+)\s+(\d+) 0 R/g)) out.set(m[1], Number(m[2]));
  return out;
}

const TOKEN = /\s*(?:(%[^\r\n]*)|(\((?:\\.|[^\\)])*\))|(<<|>>|\[|\])|(<[0-9A-Fa-f\s]*>)|(\/[^\s/<>[\]()]*)|([-+]?(?:\d+\.?\d*|\.\d+))|([A-Za-z'"*]+))/y;

function run(objs: Map<number, Obj>, content: Buffer, resources: string | undefined, ctm0: M, page: number, out: TextRun[], depth = 0): void {
  if (depth > 8) return;
  const xo = xobjects(objs, resources);
  const text = content.toString('latin1');
  const stack: M[] = [];
  let ctm = ctm0;
  let tm: M = ID;
  let size = 0;
  let mode = 0;
  let ops: (number | string)[] = [];
  const tok = new RegExp(TOKEN.source, 'y');
  let nested = 0;
  while (tok.lastIndex < text.length) {
    const at = tok.lastIndex;
    const m = tok.exec(text);
    if (!m) { tok.lastIndex = at + 1; continue; }
    if (m[1]) continue;
    if (m[3]) { nested += m[3] === '<<' || m[3] === '[' ? 1 : -1; continue; }
    if (m[2] || m[4]) { if (!nested) ops.push('str'); continue; }
    if (m[5]) { if (!nested) ops.push(m[5]); continue; }
    if (m[6]) { if (!nested) ops.push(Number(m[6])); continue; }
    const op = m[7];
    if (nested) continue;
    const n = ops.filter((x): x is number => typeof x === 'number');
    switch (op) {
      case 'q': stack.push(ctm); break;
      case 'Q': ctm = stack.pop() ?? ctm0; break;
      case 'cm': if (n.length >= 6) ctm = mul(n.slice(-6) as M, ctm); break;
      case 'BT': tm = ID; break;
      case 'Tf': size = n[n.length - 1] ?? size; break;
      case 'Tm': if (n.length >= 6) tm = n.slice(-6) as M; break;
      case 'Tr': mode = n[n.length - 1] ?? 0; break;
      case 'Tj': case 'TJ': case "'": case '"': {
        if (mode === 3) break; // invisible text
        const t = mul(tm, ctm);
        out.push({ page, size: Math.abs(size) * Math.sqrt(Math.abs(t[0] * t[3] - t[1] * t[2])) });
        break;
      }
      case 'Do': {
        const name = String(ops[ops.length - 1] ?? '').slice(1);
        const id = xo.get(name);
        const form = id !== undefined ? objs.get(id) : undefined;
        if (form?.stream && /\/Subtype\s*\/Form/.test(form.dict)) {
          const mat = /\/Matrix\s*\[([^\]]*)\]/.exec(form.dict)?.[1].trim().split(/\s+/).map(Number) as M | undefined;
          run(objs, form.stream, entry(form.dict, 'Resources') ?? resources, mat ? mul(mat, ctm) : ctm, page, out, depth + 1);
        }
        break;
      }
      default: break;
    }
    ops = [];
  }
}

/** Every text run of every page with its size in points, pages numbered from 1 in reading order. */
export function pdfTextSizes(pdf: Buffer): TextRun[] {
  const objs = readObjects(pdf);
  const pages: number[] = [];
  const root = [...objs.entries()].find(([, o]) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\b/.test(o.dict));
  const walk = (id: number) => {
    const o = objs.get(id);
    if (!o) return;
    if (/\/Type\s*\/Pages\b/.test(o.dict)) for (const k of refs(entry(o.dict, 'Kids') ?? '')) walk(k);
    else if (/\/Type\s*\/Page\b/.test(o.dict)) pages.push(id);
  };
  if (root) walk(root[0]);
  const out: TextRun[] = [];
  pages.forEach((id, i) => {
    const page = objs.get(id)!;
    const contents = entry(page.dict, 'Contents') ?? '';
    const streams = refs(contents).flatMap((r) => {
      const o = objs.get(r);
      // An array of streams, or (rarely) a reference to an array object.
      return o?.stream ? [o.stream] : refs(o?.dict ?? '').map((k) => objs.get(k)?.stream).filter((s): s is Buffer => !!s);
    });
    run(objs, Buffer.concat(streams.flatMap((s) => [s, Buffer.from('\n')])), entry(page.dict, 'Resources'), ID, i + 1, out);
  });
  return out;
}
