// Display names of the model's entities in a language handed in. Most names are the workspace's
// own words; the built-in ones (the default stages, the shared vocabulary's data types) are worded
// in the language of the output, so a renderer asks here with its Translator rather than reading
// `stage.name` (which follows the process language).
import type { Translator } from '../i18n/index.js';
import { loadDataTypes, localName } from '../catalog/index.js';
import { DEFAULT_STAGES } from './vocabulary.js';
import type { Workspace } from './model.js';

const DEFAULT_STAGE_IDS = new Set<string>(DEFAULT_STAGES.map((s) => s.id));

/** A stage's name: as the workspace declares it, a default stage's in `tr`'s language, else the id. */
export function stageLabel(ws: Workspace, id: string, tr: Translator): string {
  const stage = ws.index.stageById.get(id);
  if (!stage) return id;
  // A declared stage has a place in a file; the defaults (no `stages:` in the workspace) have none.
  return stage.loc === undefined && DEFAULT_STAGE_IDS.has(id) ? tr.stageName(id) : stage.name;
}

/**
 * A data type's name: as `data_types` gives it, else the vocabulary's name in `tr`'s language,
 * else the id.
 */
export function dataTypeLabel(ws: Workspace, id: string, tr: Translator): string {
  const type = ws.index.dataTypeById.get(id);
  if (!type) return id;
  if (type.given.name || !type.builtIn) return type.name;
  return localName(loadDataTypes().get(id)?.name, id, tr.lang);
}

/** Every data type of the workspace by its label (for renderers handed only the analysis result). */
export function dataTypeLabels(ws: Workspace, tr: Translator): ReadonlyMap<string, string> {
  return new Map([...ws.index.dataTypeById.keys()].map((id) => [id, dataTypeLabel(ws, id, tr)]));
}
