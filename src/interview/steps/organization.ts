// Step "organization": the company, its currency and its departments (every owner is one).
import { t, list } from '../../i18n/index.js';
import { chalk } from '../../cli/output.js';
import type { Plain } from '../yaml-edit.js';
import type { RawDepartment } from '../workspace-editor.js';
import { proposeId } from '../ids.js';
import { parseList } from '../answers.js';
import { commit, departments, heading, loaderCheck, nonEmpty, note, type Ctx } from '../ask.js';

export const DEFAULT_DEPARTMENTS = ['marketing', 'sales', 'service', 'it'];
const MORE_DEPARTMENTS = ['ecommerce', 'finance', 'product', 'hr', 'legal'];

type Field = 'name' | 'currency' | 'departments' | 'done';

export async function organizationStep(ctx: Ctx): Promise<void> {
  heading(ctx, t('interview.step.organization'));
  const org = ctx.ed.raw().organization;
  const fields: Field[] = [];
  if (!org?.name) fields.push('name');
  if (!org?.currency) fields.push('currency');
  if (!org?.departments?.length) fields.push('departments');
  if (org?.name) {
    const depts = departments(ctx.ed.raw());
    note(ctx, t('interview.org.summary', {
      name: org.name, currency: org.currency ?? t('interview.org.no-currency'),
      departments: depts.length ? list(depts.map((d) => d.name)) : t('interview.none'),
    }));
  }
  if (!fields.length) {
    if (await ctx.ui.confirm({ message: t('interview.org.still-right'), default: true })) return;
    for (;;) {
      const f = await ctx.ui.select<Field>({
        message: t('interview.org.what'),
        choices: [
          { name: t('interview.org.f.name'), value: 'name' },
          { name: t('interview.org.f.currency'), value: 'currency' },
          { name: t('interview.org.f.departments'), value: 'departments' },
          { name: t('interview.done'), value: 'done' },
        ],
      });
      if (f === 'done') return;
      await askField(ctx, f);
    }
  }
  for (const f of fields) await askField(ctx, f);
}

async function askField(ctx: Ctx, f: Field): Promise<void> {
  const org = ctx.ed.raw().organization;
  if (f === 'name') {
    const name = (await ctx.ui.input({ message: t('interview.org.name'), default: org?.name, validate: nonEmpty })).trim();
    if (name === org?.name) return;
    const fresh = ctx.ed.isNew && !org;
    commit(ctx, (tx) => {
      tx.set(['organization', 'name'], name);
      if (fresh) tx.set(['settings', 'lang'], ctx.lang);
    });
  } else if (f === 'currency') {
    const def = org?.currency ?? (ctx.lang === 'ja' ? 'JPY' : 'USD');
    const v = await ctx.ui.input({
      message: `${t('interview.org.currency')} ${chalk.dim(t('interview.org.currency.hint'))}`,
      default: def,
      validate: (x) => {
        const c = x.trim().toUpperCase();
        if (!/^[A-Z]{3}$/.test(c)) return t('interview.org.currency.bad');
        return loaderCheck(ctx, (tx) => tx.set(['organization', 'currency'], c));
      },
    });
    const c = v.trim().toUpperCase();
    if (c !== org?.currency) commit(ctx, (tx) => tx.set(['organization', 'currency'], c));
  } else if (f === 'departments') {
    await askDepartments(ctx);
  }
}

async function askDepartments(ctx: Ctx): Promise<void> {
  const raw = ctx.ed.raw();
  const current: RawDepartment[] = raw.organization?.departments ?? [];
  const idOf = (d: RawDepartment): string => (typeof d === 'string' ? d : d.id);
  const have = current.map(idOf);
  const all = [...have, ...DEFAULT_DEPARTMENTS, ...MORE_DEPARTMENTS].filter((d, i, a) => a.indexOf(d) === i);
  const checked = new Set(have.length ? have : DEFAULT_DEPARTMENTS);
  const label = (id: string): string => {
    const named = current.find((d) => idOf(d) === id && typeof d !== 'string') as { name?: string } | undefined;
    const shown = named?.name ?? t(`interview.dept.${id}`);
    return shown && shown !== `interview.dept.${id}` && shown !== id ? `${shown} (${id})` : id;
  };
  const build = (ids: string[], extra: RawDepartment[] = []): RawDepartment[] => [
    ...ids.map((id): RawDepartment => {
      const existing = current.find((d) => idOf(d) === id);
      if (existing) return existing;
      // In Japanese, departments get their Japanese name for reports (営業部, not "sales").
      const name = t(`interview.dept.${id}`);
      return ctx.lang === 'ja' && name !== `interview.dept.${id}` ? { id, name } : id;
    }),
    ...extra,
  ];
  const picked = await ctx.ui.checkbox<string>({
    message: t('interview.org.departments'),
    choices: all.map((id) => ({ name: label(id), value: id, checked: checked.has(id), short: id })),
    validate: (ids) => loaderCheck(ctx, (tx) => tx.set(['organization', 'departments'], build(ids) as Plain)),
  });
  // Saved before the next question, so that Ctrl-C there loses nothing.
  const chosen = build(picked);
  if (JSON.stringify(chosen) !== JSON.stringify(current) && !commit(ctx, (tx) => tx.set(['organization', 'departments'], chosen as Plain))) return;
  const more = await ctx.ui.input({ message: `${t('interview.org.more-departments')} ${chalk.dim(t('interview.enter-to-skip'))}` });
  const taken = [...picked];
  const extra: RawDepartment[] = [];
  for (const name of parseList(more)) {
    const id = proposeId(name, taken, 'department');
    taken.push(id);
    extra.push(name === id ? id : { id, name });
  }
  if (!extra.length) return;
  const next = build(picked, extra);
  if (!commit(ctx, (tx) => tx.set(['organization', 'departments'], next as Plain))) return;
  if (extra.length) note(ctx, t('interview.org.departments-added', { ids: extra.map(idOf).join(', ') }));
}
