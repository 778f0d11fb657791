// The prompts the interview uses, over @inquirer/prompts (imported only when `interview` runs).
// One narrow interface so that the steps read like the conversation they are.
import type * as Inquirer from '@inquirer/prompts';
import { stripVTControlCharacters } from 'node:util';
import { t } from '../i18n/index.js';
import { chalk } from '../cli/output.js';
import { displayWidth } from '../util/width.js';
import { wrapText } from '../util/wrap.js';
import { sanitizeLine, sanitizeTerminal } from '../util/sanitize.js';
import type { filterCheckbox as FilterCheckbox } from './checkbox.js';

export type PromptsModule = typeof Inquirer;

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
  disabled?: boolean | string;
  short?: string;
  /** In a checkbox list: the list's "? I don't know", which typing ? ticks. */
  unknown?: boolean;
}

export type Validate<V> = (value: V) => true | string | Promise<true | string>;

export interface Ui {
  /** `unknown`: "?" is an answer (the caller records an open question); elsewhere it is refused, in plain words. */
  input(o: { message: string; default?: string; validate?: Validate<string>; unknown?: boolean }): Promise<string>;
  select<T>(o: { message: string; choices: Choice<T>[]; default?: T; pageSize?: number }): Promise<T>;
  checkbox<T>(o: { message: string; choices: Choice<T>[]; validate?: Validate<T[]>; pageSize?: number }): Promise<T[]>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
  search<T>(o: { message: string; source: (term: string) => Choice<T>[]; pageSize?: number }): Promise<T>;
  /** A line of output between prompts. */
  say(line?: string): void;
}

/** The key help under a list ("↑↓ navigate • ⏎ select") in the interview's language. */
function keysHelpTip(keys: [key: string, action: string][]): string {
  const tr = (prefix: string, x: string): string => {
    const v = t(`${prefix}${x}`);
    return v === `${prefix}${x}` ? x : v;
  };
  return keys.map(([k, a]) => `${chalk.bold(tr('interview.key-name.', k))} ${chalk.dim(tr('interview.key.', a))}`).join(chalk.dim(' • '));
}

const LIST_THEME = { style: { keysHelpTip } };

/**
 * A line broken at spaces (and between Japanese characters) to fit the terminal. The prompt
 * library cuts lines at the exact column, in the middle of a word ("brin" / "g"); text that
 * already fits is never cut. Continuation lines keep the line's indentation.
 */
export function fitLine(text: string, columns: number): string {
  return text.split('\n').map((line) => {
    // A styled line (a dim note) starts with its colour codes, then its indentation.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes matched here.
    const [, style, indent] = /^((?:\u001b\[[0-9;]*m)*)( *)/.exec(line)!;
    if (displayWidth(line) <= columns) return line;
    return style + wrapText(line.slice(style!.length + indent!.length), Math.max(20, columns - indent!.length), { hard: true })
      .split('\n').map((l) => indent + l).join('\n');
  }).join('\n');
}

/**
 * A one-choice list's theme: its key help lists ? where typing it jumps to "? I don't know" (an
 * entry labelled "? …"), so every list shows whether "I don't know" is an answer there; lists that
 * steer the interview (what to change, which step) have none.
 */
function selectTheme<T>(choices: readonly Choice<T>[]): typeof LIST_THEME {
  if (!choices.some((c) => stripVTControlCharacters(c.name).startsWith('? '))) return LIST_THEME;
  return { style: { keysHelpTip: (keys) => keysHelpTip([...keys.slice(0, -1), ['?', 'dont-know'], ...keys.slice(-1)]) } };
}

/** The checkbox keys: ? is listed where it ticks "? I don't know". */
function checkboxKeys(unknown: boolean): [string, string][] {
  return [['↑↓', 'navigate'], ['space', 'tick'], ['abc', 'filter'], ...(unknown ? [['?', 'dont-know'] as [string, string]] : []), ['⏎', 'submit']];
}

export function createUi(p: PromptsModule, write: (text: string) => void = (s) => process.stdout.write(s), columns = (): number => process.stdout.columns || 80,
  checkbox?: typeof FilterCheckbox): Ui {
  // Names and notes come from the workspace (maybe from a pull request): no control character,
  // escape sequence or bidi override reaches the terminal, only our own colours (util/sanitize.ts).
  const clean = (text: string): string => sanitizeTerminal(text, { keepColor: true });
  const cleanChoices = <T>(choices: Choice<T>[]): Choice<T>[] => choices.map((c) => ({
    ...c, name: clean(c.name),
    ...(c.description !== undefined ? { description: clean(c.description) } : {}),
    ...(c.short !== undefined ? { short: clean(c.short) } : {}),
  }));
  // "? " before a message and a little room for the cursor.
  const msg = (m: string): string => fitLine(clean(m), columns() - 3);
  return {
    // A default is shown and, on Enter, kept: shown (and kept) with its control characters escaped.
    input: (o) => p.input({
      message: msg(o.message), default: o.default === undefined ? undefined : sanitizeLine(o.default), theme: { validationFailureMode: 'keep' },
      validate: (v) => (!o.unknown && /^[?？]+$/.test(v.trim()) ? t('interview.input.no-unknown') : o.validate ? o.validate(v) : true),
    }),
    select: <T>(o: { message: string; choices: Choice<T>[]; default?: T; pageSize?: number }) =>
      p.select<T>({ message: msg(o.message), choices: cleanChoices(o.choices), default: o.default, pageSize: o.pageSize ?? 10, loop: false, theme: selectTheme(o.choices) }) as Promise<T>,
    checkbox: <T>(o: { message: string; choices: Choice<T>[]; validate?: Validate<T[]>; pageSize?: number }) =>
      checkbox
        // Typing filters the list (no one-letter shortcuts: "email" must not tick all with "a" and
        // invert with "i"); ? ticks "? I don't know" or says why the list has none.
        ? checkbox<T>({
          message: msg(o.message), pageSize: o.pageSize ?? 12, theme: LIST_THEME, validate: o.validate,
          choices: cleanChoices(o.choices).map((c) => ({ name: c.name, value: c.value, checked: c.checked, short: c.short, description: c.description, unknown: c.unknown })),
          texts: {
            filter: (text) => t('interview.checkbox.filter', { text }),
            noMatch: (text) => t('interview.checkbox.no-match', { text }),
            noUnknown: t('interview.checkbox.no-unknown'),
            keys: checkboxKeys(o.choices.some((c) => c.unknown)),
          },
        })
        : p.checkbox<T>({
          message: msg(o.message), choices: cleanChoices(o.choices), pageSize: o.pageSize ?? 12, loop: false, theme: LIST_THEME,
          shortcuts: { all: null, invert: null },
          validate: o.validate ? (sel) => o.validate!(sel.map((c) => c.value)) : undefined,
        }) as Promise<T[]>,
    confirm: (o) => p.confirm({
      message: msg(o.message), default: o.default, transformer: (v) => t(v ? 'interview.yes' : 'interview.no'),
      // "?" here gets a reason, not the library's English; questions "I don't know" can answer use askYesNo.
      theme: { keywords: { error: () => t('interview.confirm.yes-no') } },
    }),
    search: <T>(o: { message: string; source: (term: string) => Choice<T>[]; pageSize?: number }) =>
      p.search<T>({ message: msg(o.message), source: (term) => cleanChoices(o.source(term ?? '')), pageSize: o.pageSize ?? 10, theme: LIST_THEME }) as Promise<T>,
    say: (line = '') => write(`${fitLine(clean(line), columns())}\n`),
  };
}

/**
 * Loads @inquirer/prompts on first use; other commands never pay for it. `wrap` lets the tests run
 * the interview's own checkbox on @inquirer/testing's screen, as that mocks the library's prompts.
 */
export async function loadUi(write?: (text: string) => void, wrap: (prompt: typeof FilterCheckbox) => typeof FilterCheckbox = (x) => x): Promise<Ui> {
  const p = (await import('@inquirer/prompts')) as PromptsModule;
  const { filterCheckbox } = await import('./checkbox.js');
  return createUi(p, write, undefined, wrap(filterCheckbox));
}

/** Ctrl-C at a prompt: @inquirer rejects with an error of this name. */
export function isPromptExit(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}
