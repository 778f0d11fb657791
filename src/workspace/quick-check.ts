// A hand-written check of the three large lists of a workspace file (tools, touchpoints,
// integrations) against their zod schemas (schema.ts), for speed: zod's safeParse took ~0.14 s of
// loading 10,000 tools (issue 18). It only ever says "valid" when zod would; anything it is not
// sure of (a wrong type, an unknown key, a value it does not model) is "not known valid", and then
// zod checks the whole file and words the diagnostics, exactly as before. Its verdict equals zod's
// on near-valid documents (test/workspace/quick-check.property.test.ts).
import {
  COST_PERIODS, FREQUENCIES, FRESHNESS, ID_PATTERN, INTEGRATION_MODES, MONTH_PATTERN, TOOL_STATUSES,
} from '../model/vocabulary.js';
import { WorkspaceFile } from './schema.js';

type Obj = Record<string, unknown>;
type Check = (v: unknown) => boolean;

const isObj = (v: unknown): v is Obj => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const str: Check = (v) => typeof v === 'string';
const nonEmpty: Check = (v) => typeof v === 'string' && v.length >= 1;
const id: Check = (v) => typeof v === 'string' && ID_PATTERN.test(v);
const bool: Check = (v) => typeof v === 'boolean';
const month: Check = (v) => typeof v === 'string' && MONTH_PATTERN.test(v);
const nonNegative: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const count: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const oneOf = (values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const listOf = (item: Check): Check => (v) => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
  return true;
};
const idList = listOf(id);
const dataList = listOf(nonEmpty);

/** A strict object: the required keys present, no other keys than those of `fields`, each valid. */
function strict(fields: Record<string, Check>, required: readonly string[]): Check {
  const known = new Map(Object.entries(fields));
  return (v) => {
    if (!isObj(v)) return false;
    for (const k of required) if (v[k] === undefined) return false;
    for (const k in v) {
      if (!Object.hasOwn(v, k)) return false;
      const check = known.get(k);
      const x = v[k];
      // An optional key given as undefined is what zod's optional() accepts; YAML never gives one.
      if (!check || (x !== undefined && !check(x))) return false;
    }
    return true;
  };
}

const seats = strict({ licensed: count, active: count }, []);
const costObject = strict({ amount: nonNegative, period: oneOf(COST_PERIODS) }, ['amount', 'period']);
const cost: Check = (v) => nonNegative(v) || v === 'unknown' || costObject(v);

const tool = strict({
  id, name: nonEmpty, vendor: str, catalog: id, category: id, capabilities: idList, hub: bool, owner: id,
  status: oneOf(TOOL_STATUSES), cost, seats, data: dataList, source_of_truth: dataList, renewal: month,
  third_party_cookies: bool, network: id, url: str, notes: str,
}, ['id', 'name']);

const touchpoint = strict({
  id, name: nonEmpty, stage: nonEmpty, channel: nonEmpty, owner: id, tools: idList, captures: dataList,
  realtime: bool, personas: idList, personalized: bool, needs: oneOf(FRESHNESS), conversational: bool,
  in_scope: bool, notes: str,
}, ['id', 'name', 'stage', 'channel']);

const integration = strict({
  id, from: id, to: id, data: dataList, mode: oneOf(INTEGRATION_MODES), frequency: oneOf(FREQUENCIES),
  bidirectional: bool, notes: str,
}, ['from', 'to']);

/** Tests switch the hand check off to compare the loader's results with and without it. */
export const quickCheck = { enabled: true };

/** The lists checked by hand, each with the check of its items. */
export const QUICK_LISTS: Readonly<Record<string, Check>> = { tools: listOf(tool), touchpoints: listOf(touchpoint), integrations: listOf(integration) };

type ZodVerdict = ReturnType<typeof WorkspaceFile.safeParse>;
export type FileCheck = { success: true } | Extract<ZodVerdict, { success: false }>;

/**
 * WorkspaceFile.safeParse(value)'s verdict and issues. The large lists are checked by hand; when
 * they pass, zod checks the rest of the file (the lists left empty), else zod checks all of it.
 */
export function checkWorkspaceFile(value: unknown): FileCheck {
  if (quickCheck.enabled && isObj(value)) {
    let rest: Obj | undefined;
    let ok = true;
    for (const key in QUICK_LISTS) {
      if (!Object.hasOwn(value, key) || value[key] === undefined) continue;
      if (!QUICK_LISTS[key](value[key])) {
        ok = false;
        break;
      }
      rest ??= { ...value };
      rest[key] = [];
    }
    if (ok) {
      const res = WorkspaceFile.safeParse(rest ?? value);
      if (res.success) return { success: true };
    }
  }
  const res = WorkspaceFile.safeParse(value);
  return res.success ? { success: true } : res;
}
