// Opening a workspace: read, parse and check it, with its diagnostics in the language it asks
// for. Part of the library API (src/api.ts re-exports it); a module of its own so that
// `validate` loads the loader without the analysis (issue 18, start-up).
import { RULE_CATALOG } from './analysis/rules/catalog.js';
import { initLang, isLang, currentLang, translator, type Lang, type Translator } from './i18n/index.js';
import { loadFromSources, readWorkspace, type LoadResult } from './workspace/load.js';
import { peekYaml, yamlLib } from './workspace/parse.js';

export interface OpenOptions {
  /** The language of messages; wins over the workspace's settings.lang. */
  lang?: Lang;
  /** The language when neither `lang` nor settings.lang says (the CLI passes the locale's). Default 'en'. */
  defaultLang?: Lang;
}

export interface OpenResult extends LoadResult {
  /** The language the messages are in. */
  lang: Lang;
  /** Words in that language: hand it to analyze() (`{ tr }`) so the findings are in the same language. */
  tr: Translator;
}

/**
 * Reads and checks a workspace (a folder or one YAML file) once, with its diagnostics worded in
 * the language chosen: `lang`, else settings.lang (read from the YAML text before the workspace is
 * built, so that it is built once), else `defaultLang`.
 */
export async function open(path: string, opts: OpenOptions = {}): Promise<OpenResult> {
  const sources = readWorkspace(path);
  let lang = opts.lang;
  if (!lang) {
    // Only the files that can hold settings are decoded here (the loader decodes each file once
    // more, checked): a file whose bytes never spell `settings:` has no line that starts with it.
    const texts = function* () {
      for (const f of sources.files) if (Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).includes('settings:')) yield new TextDecoder().decode(f.bytes);
    };
    const setting = peekSettingsLang(texts());
    lang = setting && isLang(setting) ? setting : opts.defaultLang ?? 'en';
  }
  // The loader and the analysis are handed their language; the renderers still read the process language.
  const tr = await translator(lang);
  if (lang !== currentLang()) await initLang(lang);
  return { ...loadFromSources(sources, { rules: RULE_CATALOG, tr }), lang, tr };
}

/** settings.lang read straight from the YAML texts (also for a workspace too broken to build). */
export function peekSettingsLang(texts: Iterable<string>): string | undefined {
  for (const text of texts) {
    if (!/^settings:/m.test(text)) continue;
    try {
      // js-yaml is fast; when it rejects the file, the document model still finds settings.lang
      // despite errors elsewhere (duplicate keys, bad indentation).
      let lang: unknown;
      try {
        lang = (peekYaml(text) as { settings?: { lang?: unknown } } | undefined)?.settings?.lang;
      } catch {
        lang = yamlLib().parseDocument(text, { uniqueKeys: false }).getIn(['settings', 'lang']);
      }
      if (typeof lang === 'string') return lang;
    } catch {
      // unparsable: its own diagnostics say so
    }
  }
  return undefined;
}
