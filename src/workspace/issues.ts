// Turns zod issues into diagnostics a marketer understands: the entity and field in words,
// file:line:col from the YAML node, and a suggestion where one exists.
import type { z } from 'zod';
import { activeTranslator, type Translator } from '../i18n/index.js';
import { closest, slugify } from '../util/suggest.js';
import { ID_PATTERN, MONTH_PATTERN } from '../model/vocabulary.js';
import { WorkspaceFile } from './schema.js';
import { locate, type ParsedFile } from './parse.js';
import type { Diagnostic } from './diagnostics.js';

type Path = readonly PropertyKey[];

const ENTITY_KIND: Record<string, string> = {
  touchpoints: 'touchpoint', tools: 'tool', integrations: 'integration', stages: 'stage',
  questions: 'question', initiatives: 'initiative', departments: 'department', personas: 'persona', data_types: 'data-type',
};

function valueAt(root: unknown, path: Path): unknown {
  let v: any = root;
  for (const seg of path) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    v = v[seg as any];
  }
  return v;
}

/** "tool "hubspot", field "status"" — the path in words. */
export function describePath(root: unknown, path: Path, tr: Translator = activeTranslator()): string {
  const { t } = tr;
  const parts: string[] = [];
  let entity = '';
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    if (typeof seg === 'string' && typeof next === 'number' && ENTITY_KIND[seg]) {
      const item: any = valueAt(root, path.slice(0, i + 2));
      const kind = t(`entity.${ENTITY_KIND[seg]}`);
      const label = item && typeof item === 'object' && typeof item.id === 'string'
        ? t('path.entity-label', { kind, id: item.id })
        : item && typeof item === 'object' && typeof item.from === 'string' && typeof item.to === 'string'
          ? `${kind} ${item.from} → ${item.to}`
          : `${kind} #${next + 1}`;
      entity = label;
      parts.length = 0;
      i++;
      continue;
    }
    if (typeof seg === 'number') parts.push(`[${seg + 1}]`);
    else parts.push(String(seg));
  }
  const field = parts.join('.').replace(/\.\[/g, '[');
  if (entity && field) return t('path.entity-field', { entity, field });
  if (entity) return entity;
  if (field) return t('path.field', { field });
  return t('path.file');
}

/** Keys allowed by the schema at a path (for "did you mean" on unknown keys). */
function keysAt(path: Path): string[] {
  let s: any = WorkspaceFile;
  const unwrap = (x: any): any => {
    for (let guard = 0; guard < 10 && x; guard++) {
      const def = x._zod?.def ?? x.def;
      if (!def) return x;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') x = def.innerType;
      else if (def.type === 'union') x = def.options.find((o: any) => (o._zod?.def ?? o.def)?.type === 'object') ?? def.options[0];
      else return x;
    }
    return x;
  };
  for (const seg of path) {
    s = unwrap(s);
    const def = s?._zod?.def ?? s?.def;
    if (!def) return [];
    if (def.type === 'object' && typeof seg === 'string') s = def.shape[seg];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return [];
  }
  s = unwrap(s);
  const def = s?._zod?.def ?? s?.def;
  return def?.type === 'object' ? Object.keys(def.shape) : [];
}

function typeName(v: unknown, { t }: Translator): string {
  if (v === null) return t('type.null');
  if (Array.isArray(v)) return t('type.list');
  if (typeof v === 'object') return t('type.mapping');
  if (typeof v === 'string') return t('type.text', { value: v.length > 40 ? `${v.slice(0, 37)}...` : v });
  if (typeof v === 'number') return t('type.number', { value: v });
  if (typeof v === 'boolean') return t('type.boolean', { value: String(v) });
  return typeof v;
}

function expectedName(expected: string, { t }: Translator): string {
  return t(`expected.${expected}`) === `expected.${expected}` ? expected : t(`expected.${expected}`);
}

/** Picks the union branch that got furthest, so that `cost: {amount: x}` reports the amount. */
function flattenUnion(issue: any): any[] {
  const branches: any[][] = issue.errors ?? [];
  let best: any[] | undefined;
  let bestDepth = 0;
  for (const b of branches) {
    const depth = Math.max(0, ...b.map((i: any) => i.path.length));
    if (depth > bestDepth) {
      best = b;
      bestDepth = depth;
    }
  }
  if (best) return best.map((i: any) => ({ ...i, path: [...issue.path, ...i.path] }));
  return [issue];
}

/** The allowed words of a union whose branches failed at its own level (enums and literals). */
function unionWords(issue: any): string[] {
  const words: string[] = [];
  for (const branch of (issue.errors ?? []) as any[][]) {
    for (const i of branch) {
      if (i.code === 'invalid_value' && i.path.length === 0) {
        for (const v of i.values ?? []) if (!words.includes(String(v))) words.push(String(v));
      }
    }
  }
  return words;
}

export function zodIssuesToDiagnostics(pf: ParsedFile, issues: readonly z.core.$ZodIssue[], tr: Translator = activeTranslator()): Diagnostic[] {
  const { t, list } = tr;
  const out: Diagnostic[] = [];
  const root = pf.value;
  const queue: any[] = [...issues];
  while (queue.length) {
    const issue = queue.shift();
    const path: (string | number)[] = issue.path.map((p: PropertyKey) => (typeof p === 'symbol' ? String(p) : p));
    const where = describePath(root, path, tr);
    const value = valueAt(root, path);
    const loc = () => locate(pf, path);
    switch (issue.code) {
      case 'invalid_union': {
        const flat = flattenUnion(issue);
        // A choice of words (`fail_on: info | ... | none`, a rule's `off | <severity>`): name them all.
        const words = flat.length === 1 && flat[0] === issue ? unionWords(issue) : [];
        if (path[path.length - 1] === 'restricted' && path[0] === 'data_types') {
          // `restricted: true` says there is a restriction but not which: ask for the words.
          out.push({
            severity: 'error', code: 'invalid-value', location: loc(),
            message: t('schema.restricted', { where, found: typeName(value, tr) }), suggestion: t('schema.restricted.hint'),
          });
        } else if (words.length) {
          const guess = typeof value === 'string' ? closest(value, words) : undefined;
          out.push({
            severity: 'error', code: 'invalid-value', location: loc(),
            message: t('schema.invalid-enum', { where, found: typeName(value, tr), allowed: words.join(', ') }),
            suggestion: guess ? t('suggest.did-you-mean', { value: guess }) : undefined,
          });
        } else if (flat.length === 1 && flat[0] === issue) {
          out.push({
            severity: 'error', code: 'invalid-value', location: loc(),
            message: t('schema.union', { where, found: typeName(value, tr) }),
            suggestion: path[path.length - 1] === 'cost' ? t('schema.cost.hint') : undefined,
          });
        } else queue.unshift(...flat);
        break;
      }
      case 'unrecognized_keys': {
        const known = keysAt(path);
        for (const key of issue.keys as string[]) {
          const guess = closest(key, known);
          const top = path.length === 0;
          out.push({
            severity: 'error', code: 'unknown-key', location: locate(pf, [...path, key], true),
            message: top ? t('schema.unknown-top-key', { key }) : t('schema.unknown-key', { key, where }),
            suggestion: guess ? t('suggest.did-you-mean', { value: guess }) : t('schema.known-keys', { keys: list(known) }),
          });
        }
        break;
      }
      case 'invalid_type': {
        if (value === undefined) {
          const field = String(path[path.length - 1]);
          out.push({
            severity: 'error', code: 'missing-field', location: locate(pf, path.slice(0, -1)),
            message: t('schema.missing-field', { field, where: describePath(root, path.slice(0, -1)) }),
          });
        } else {
          let suggestion: string | undefined;
          if (issue.expected === 'array' && typeof value === 'string') suggestion = t('schema.wrap-in-list', { value });
          if (issue.expected === 'number' && typeof value === 'string' && /\d/.test(value)) {
            suggestion = t('schema.number.hint');
          }
          if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
            suggestion = t('schema.quote.hint', { value: String(value) });
          }
          if (issue.expected === 'boolean' && typeof value === 'string') suggestion = t('schema.boolean.hint');
          out.push({
            severity: 'error', code: 'wrong-type', location: loc(),
            message: t('schema.wrong-type', { where, expected: expectedName(issue.expected, tr), found: typeName(value, tr) }),
            suggestion,
          });
        }
        break;
      }
      case 'invalid_value': {
        const values = (issue.values ?? []).map(String);
        const guess = typeof value === 'string' ? closest(value, values) : undefined;
        out.push({
          severity: 'error', code: 'invalid-value', location: loc(),
          message: t('schema.invalid-enum', { where, found: typeName(value, tr), allowed: values.join(', ') }),
          suggestion: guess ? t('suggest.did-you-mean', { value: guess }) : undefined,
        });
        break;
      }
      case 'invalid_format': {
        const pattern: string = issue.pattern ?? '';
        if (pattern === String(ID_PATTERN) || pattern === ID_PATTERN.source) {
          const proposal = typeof value === 'string' ? slugify(value) : '';
          out.push({
            severity: 'error', code: 'invalid-id', location: loc(),
            message: t('schema.invalid-id', { where, found: typeName(value, tr) }),
            suggestion: proposal ? t('suggest.did-you-mean', { value: proposal }) : t('schema.invalid-id.hint'),
          });
        } else if (pattern === String(MONTH_PATTERN) || pattern === MONTH_PATTERN.source) {
          out.push({
            severity: 'error', code: 'invalid-month', location: loc(),
            message: t('schema.invalid-month', { where, found: typeName(value, tr) }),
            suggestion: t('schema.invalid-month.hint'),
          });
        } else {
          out.push({
            severity: 'error', code: 'invalid-format', location: loc(),
            message: t('schema.invalid-format', { where, found: typeName(value, tr) }),
            suggestion: path[path.length - 1] === 'currency' ? t('schema.currency.hint') : undefined,
          });
        }
        break;
      }
      case 'too_small': {
        const empty = issue.origin === 'string' && issue.minimum === 1;
        out.push({
          severity: 'error', code: empty ? 'empty-value' : 'too-small', location: loc(),
          message: empty ? t('schema.empty', { where }) : t('schema.too-small', { where, minimum: issue.minimum, found: typeName(value, tr) }),
        });
        break;
      }
      case 'too_big':
        out.push({
          severity: 'error', code: 'too-big', location: loc(),
          message: t('schema.too-big', { where, maximum: issue.maximum, found: typeName(value, tr) }),
        });
        break;
      default:
        out.push({
          severity: 'error', code: 'invalid-value', location: loc(),
          message: t('schema.generic', { where, detail: issue.message }),
        });
    }
  }
  return out;
}
