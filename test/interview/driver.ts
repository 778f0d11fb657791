// Drives a real interview in-process through @inquirer/testing's shared screen: wait for a prompt
// (polling, never fixed sleeps), then press keys.
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import { loadUi } from '../../src/interview/ui.js';
import type { Ui } from '../../src/interview/ui.js';

export type Key = 'enter' | 'down' | 'up' | 'space' | 'tab' | 'backspace' | { type: string } | { ctrl: string };

export async function until(cond: () => boolean, what: () => string, timeout = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what()}\n--- screen ---\n${screen.getScreen()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The active prompt (its first line starts with "?"), or '' while none is waiting. */
export function prompt(): string {
  const s = screen.getScreen();
  return s.startsWith('?') ? s : '';
}

export function press(...keys: Key[]): void {
  for (const k of keys) {
    if (typeof k === 'string') screen.keypress(k);
    else if ('type' in k) screen.type(k.type);
    else screen.keypress({ name: k.ctrl, ctrl: true });
  }
}

/** Waits for a prompt showing `expected`, then presses the keys. */
export async function answer(expected: string | RegExp, ...keys: Key[]): Promise<void> {
  const has = (): boolean => {
    const p = prompt();
    return typeof expected === 'string' ? p.includes(expected) : expected.test(p);
  };
  await until(has, () => `a prompt with ${String(expected)}`);
  press(...keys);
  // Let the prompt take the keys (it re-renders or finishes) before the next wait.
  await new Promise((r) => setTimeout(r, 10));
}

/** Types into the active prompt, waits until `shows` appears (search results), then presses keys. */
export async function search(expected: string, text: string, shows: string, ...keys: Key[]): Promise<void> {
  await answer(expected, { type: text });
  await until(() => prompt().includes(shows), () => `"${shows}" in the results`);
  press(...keys);
  await new Promise((r) => setTimeout(r, 10));
}

export async function testUi(out: string[]): Promise<Ui> {
  // The interview's own checkbox (src/interview/checkbox.ts) is not one of the library's prompts
  // that @inquirer/testing mocks: wrapped here, it runs on the same screen.
  return loadUi((s) => {
    out.push(s);
  }, (prompt) => wrapPrompt(prompt) as typeof prompt);
}
