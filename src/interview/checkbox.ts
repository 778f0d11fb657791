// The interview's multi-select: @inquirer/checkbox's keys (↑↓, space, Enter) plus what a list in a
// meeting needs (issue #12): typing filters the list (the data types are thirty entries), and ?
// ticks "? I don't know" where the list has it, or says in plain words why this list has none.
// Built on @inquirer/core like the library's own prompts, so it runs (and is tested) the same way.
import {
  createPrompt, isBackspaceKey, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, useMemo,
  usePagination, usePrefix, useState, type Theme,
} from '@inquirer/core';
import { stripVTControlCharacters, styleText } from 'node:util';

export interface FilterChoice<T> {
  name: string;
  value: T;
  checked?: boolean;
  short?: string;
  description?: string;
  /** The list's "? I don't know": typing ? ticks it. */
  unknown?: boolean;
}

export interface FilterCheckboxTexts {
  /** Shown after the message while a filter is typed: "filter: {text}". */
  filter: (text: string) => string;
  /** Shown instead of the entries when none matches the filter. */
  noMatch: (text: string) => string;
  /** ? typed in a list without "? I don't know". */
  noUnknown: string;
  /** The key help under the list. */
  keys: [key: string, action: string][];
}

export interface FilterCheckboxConfig<T> {
  message: string;
  choices: FilterChoice<T>[];
  pageSize?: number;
  validate?: (values: T[]) => true | string | Promise<true | string>;
  texts: FilterCheckboxTexts;
  theme?: { style?: { keysHelpTip?: (keys: [string, string][]) => string } };
}

type Item<T> = FilterChoice<T> & { checked: boolean; plain: string };

const ICON = { checked: styleText('green', '◉'), unchecked: '◯', cursor: '❯' };

/** Whether an entry matches what was typed: every typed word appears in its label (any case). */
export function matchesFilter(label: string, filter: string): boolean {
  const text = label.toLowerCase();
  return filter.toLowerCase().split(/\s+/).filter(Boolean).every((w) => text.includes(w));
}

export const filterCheckbox = createPrompt(<T>(config: FilterCheckboxConfig<T>, done: (value: T[]) => void): string => {
  const theme = makeTheme<{ style: { keysHelpTip: (keys: [string, string][]) => string } }>(
    { style: { keysHelpTip: (keys: [string, string][]) => keys.map(([k, a]) => `${styleText('bold', k)} ${styleText('dim', a)}`).join(styleText('dim', ' • ')) } },
    config.theme as Partial<Theme<{ style: { keysHelpTip: (keys: [string, string][]) => string } }>>,
  );
  const [status, setStatus] = useState<'idle' | 'loading' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const [items, setItems] = useState<Item<T>[]>(config.choices.map((c) => ({
    ...c, checked: !!c.checked, plain: stripVTControlCharacters(`${c.name} ${c.short ?? ''}`),
  })));
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  // Indexes into `items` of the entries shown.
  const shown = useMemo(() => items.map((_, i) => i).filter((i) => matchesFilter(items[i]!.plain, filter)), [items, filter]);

  useKeypress(async (key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const values = items.filter((x) => x.checked).map((x) => x.value);
      setStatus('loading');
      const valid = config.validate ? await config.validate(values) : true;
      if (valid === true) {
        setStatus('done');
        done(values);
      } else {
        setStatus('idle');
        setError(valid);
      }
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      setError(undefined);
      const next = active + (isUpKey(key) ? -1 : 1);
      if (next >= 0 && next < shown.length) setActive(next);
      return;
    }
    if (isSpaceKey(key)) {
      // The space readline added to the line is not part of the filter.
      rl.clearLine(0);
      rl.write(filter);
      const at = shown[active];
      if (at === undefined) return;
      setError(undefined);
      setItems(items.map((x, i) => (i === at ? { ...x, checked: !x.checked } : x)));
      return;
    }
    if (key.name === 'escape') {
      rl.clearLine(0);
      setFilter('');
      setActive(0);
      return;
    }
    const line = rl.line;
    if (!filter && line === '?') {
      rl.clearLine(0);
      const at = items.findIndex((x) => x.unknown);
      if (at < 0) {
        setError(config.texts.noUnknown);
        return;
      }
      setError(undefined);
      setItems(items.map((x, i) => (i === at ? { ...x, checked: true } : x)));
      setActive(Math.max(0, shown.indexOf(at)));
      return;
    }
    if (line !== filter || isBackspaceKey(key)) {
      setError(undefined);
      setFilter(line);
      setActive(0);
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const answer = items.filter((x) => x.checked).map((x) => x.short ?? x.name).join(', ');
    return [prefix, message, theme.style.answer(answer)].filter(Boolean).join(' ');
  }
  let description: string | undefined;
  const page = usePagination({
    items: shown,
    active: Math.min(active, Math.max(0, shown.length - 1)),
    renderItem({ item, isActive }) {
      const x = items[item]!;
      if (isActive) description = x.description;
      const line = `${isActive ? ICON.cursor : ' '}${x.checked ? ICON.checked : ICON.unchecked} ${x.name}`;
      return isActive ? theme.style.highlight(line) : line;
    },
    pageSize: config.pageSize ?? 12,
    loop: false,
  });
  const head = [prefix, message, filter ? styleText('dim', config.texts.filter(filter)) : ''].filter(Boolean).join(' ');
  const lines = [
    head,
    shown.length ? page : styleText('dim', `  ${config.texts.noMatch(filter)}`),
    ' ',
    description ? styleText('cyan', description) : '',
    error ? theme.style.error(error) : '',
    theme.style.keysHelpTip(config.texts.keys),
  ].filter(Boolean).join('\n').trimEnd();
  return `${lines}\u001b[?25l`;
});
