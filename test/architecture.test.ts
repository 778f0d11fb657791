// Imports point one way: load → model → facts → rules → assessment → roadmap → renderers → cli.
// The model knows nothing of the loader or the analysis; the loader nothing of the analysis
// (it gets the rule catalog handed in); nothing below the commands imports the commands.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Paths (under src/) a file imports, static and dynamic. */
function imported(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => relative(SRC, join(file, '..', m[1])));
}
/** Folders (under src/) a file imports from. */
const importedAreas = (file: string): string[] => imported(file).map((p) => p.split('/')[0]);

const RULES: [area: string, mustNotImport: string[]][] = [
  ['model', ['workspace', 'analysis', 'report', 'diagrams', 'cli', 'interview']],
  ['workspace', ['analysis', 'report', 'diagrams', 'cli', 'interview']],
  ['analysis', ['workspace', 'report', 'diagrams', 'cli', 'interview']],
  ['report', ['cli', 'interview', 'workspace']],
  ['diagrams', ['cli', 'interview', 'report', 'workspace']],
];

describe('import direction', () => {
  it.each(RULES)('src/%s imports none of %j', (area, banned) => {
    const bad: string[] = [];
    for (const f of files(join(SRC, area))) {
      for (const to of importedAreas(f)) if (banned.includes(to)) bad.push(`${relative(SRC, f)} -> ${to}`);
    }
    expect(bad).toEqual([]);
  });

  it('nothing outside src/cli imports the commands or the program (the terminal output helpers are shared)', () => {
    const bad = files(SRC).filter((f) => !relative(SRC, f).startsWith('cli/'))
      .filter((f) => imported(f).some((p) => p.startsWith('cli/commands/') || p.startsWith('cli/program') || p.startsWith('cli/context')))
      .map((f) => relative(SRC, f));
    expect(bad).toEqual([]);
  });

  it('the loader words in the language it is handed (LoadSourcesOptions.tr): it imports no process-language wording from src/i18n', () => {
    // files.ts reads the files before the workspace's language is known: its errors are the command's.
    const loader = files(join(SRC, 'workspace')).filter((f) => !f.endsWith('/files.ts'));
    // stageName: a default stage's name in the model follows the output language when it is read.
    expect(processLanguageImports(loader, new Set(['activeTranslator', 'stageName']))).toEqual([]);
  });

  // The renderers (and what they share: CI formats, baseline and git messages) are handed a
  // Translator by the command or the API (CONTRIBUTING.md, "Language"): two renders in different
  // languages in one process do not bleed into each other.
  const RENDERERS = ['report', 'diagrams', 'render', 'diff', 'export', 'baseline', 'git'];

  it.each(RENDERERS)('src/%s words in the language it is handed: nothing but types from src/i18n/index.ts', (area) => {
    expect(processLanguageImports(files(join(SRC, area)), new Set())).toEqual([]);
  });

  it.each(RENDERERS)('src/%s reads no name in the process language (catalog names, rule docs, rule titles)', (area) => {
    const bad = files(join(SRC, area)).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const found: string[] = [];
      // capabilityName / categoryName word in the process language; capabilityNameIn / categoryNameIn take one.
      for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'[./]*catalog\/index\.js'/g)) {
        for (const n of m[1].split(',').map((x) => x.trim())) if (n === 'capabilityName' || n === 'categoryName') found.push(n);
      }
      // A rule's `docs` are in the process language (docsIn(lang) is not); ruleTitle(id) too (ruleTitle(id, lang) is not).
      if (/\.docs\b/.test(text)) found.push('.docs');
      if (/ruleTitle\([^,()]*\)/.test(text)) found.push('ruleTitle(id)');
      // localName(name, fallback) without a language, and a model name that follows the process language.
      if (/localName\([^,()]*,[^,()]*\)/.test(text)) found.push('localName(name, fallback)');
      if (/(stageById|dataTypeById)\.get\([^)]*\)\?\.name/.test(text)) found.push('a built-in name read from the model (use model/names.ts)');
      return found.map((n) => `${relative(SRC, f)}: ${n}`);
    });
    expect(bad).toEqual([]);
  });
});

/** Values (not types) a file imports from src/i18n/index.ts, other than `allowed`: what reads the process language. */
function processLanguageImports(list: string[], allowed: Set<string>): string[] {
  return list.flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    const imports = [...text.matchAll(/import\s*(type\s*)?\{([^}]*)\}\s*from\s*'[./]*i18n\/index\.js'/g)];
    const names = imports.filter((m) => !m[1]).flatMap((m) => m[2].split(',').map((n) => n.trim()).filter(Boolean));
    return names.filter((n) => !n.startsWith('type ') && !allowed.has(n) && !/^[A-Z]/.test(n)).map((n) => `${relative(SRC, f)}: ${n}`);
  });
}
