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

  /**
   * Names a file imports from src/i18n/index.ts (and, with `catalog`, from src/catalog/index.ts)
   * that word in the process language.
   */
  function processLanguageImports(f: string, allowed: ReadonlySet<string>, catalog = false): string[] {
    const text = readFileSync(f, 'utf8');
    const names = [...text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'[./]*(i18n|catalog)\/index\.js'/g)]
      .flatMap((m) => m[1].split(',').map((n) => ({ name: n.trim(), from: m[2] })).filter((x) => x.name));
    // From the catalog only its names that word in the process language (capabilityName, categoryName); capabilityNameIn takes one.
    const wording = (x: { name: string; from: string }) => (x.from === 'i18n' ? true : catalog && /^(capabilityName|categoryName|localName)$/.test(x.name));
    return names.filter((x) => wording(x) && !x.name.startsWith('type ') && !allowed.has(x.name) && !/^[A-Z]/.test(x.name))
      .map((x) => `${relative(SRC, f)}: ${x.name}`);
  }

  it('the loader words in the language it is handed (LoadSourcesOptions.tr): it imports no process-language wording from src/i18n', () => {
    // files.ts reads the files before the workspace's language is known: its errors are the command's.
    const loader = files(join(SRC, 'workspace')).filter((f) => !f.endsWith('/files.ts'));
    // stageName: a default stage's name in the model follows the output language when it is read.
    const bad = loader.flatMap((f) => processLanguageImports(f, new Set(['activeTranslator', 'stageName'])));
    expect(bad).toEqual([]);
  });

  it('the analysis words in the language it is handed (AnalyzeOptions.tr): it imports no process-language wording', () => {
    // worded() and wordedTextOf() take their language; activeTranslator() is only the default of analyze() for callers that pass none.
    const bad = files(join(SRC, 'analysis')).flatMap((f) => processLanguageImports(f, new Set(['worded', 'wordedTextOf', 'activeTranslator']), true));
    expect(bad).toEqual([]);
    const defaults = files(join(SRC, 'analysis')).filter((f) => readFileSync(f, 'utf8').includes('activeTranslator()')).map((f) => relative(SRC, f)).sort();
    expect(defaults).toEqual(['analysis/analyze.ts']);
  });

  // The renderers (and what they share: CI formats, baseline and git messages) are handed a
  // Translator by the command or the API (CONTRIBUTING.md, "Language"): two renders in different
  // languages in one process do not bleed into each other.
  const RENDERERS = ['report', 'diagrams', 'render', 'diff', 'export', 'baseline', 'git'];

  it.each(RENDERERS)('src/%s words in the language it is handed: no process-language wording from src/i18n or src/catalog', (area) => {
    // localName(name, fallback, lang) is allowed with its language (the next test checks that it is given).
    expect(files(join(SRC, area)).flatMap((f) => processLanguageImports(f, new Set(['localName']), true))).toEqual([]);
  });

  it.each(RENDERERS)('src/%s reads no name in the process language (rule docs and titles, model names)', (area) => {
    const bad = files(join(SRC, area)).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const found: string[] = [];
      // A rule's `docs` are in the process language (docsIn(lang) is not); ruleTitle(id) too (ruleTitle(id, lang) is not).
      if (/\.docs\b/.test(text)) found.push('.docs');
      if (/ruleTitle\([^,()]*\)/.test(text)) found.push('ruleTitle(id)');
      if (/localName\([^,()]*,[^,()]*\)/.test(text)) found.push('localName(name, fallback) without a language');
      // A default stage's or a built-in data type's name read from the model follows the process language: src/model/names.ts.
      if (/(stageById|dataTypeById)\.get\([^)]*\)\?\.name/.test(text)) found.push('a built-in name read from the model');
      return found.map((n) => `${relative(SRC, f)}: ${n}`);
    });
    expect(bad).toEqual([]);
  });
});
