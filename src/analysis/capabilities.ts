// The revision-2 capability vocabulary as the rules read it (rules.md "reporting", "media channel",
// "file tool", "primary capability"): the taxonomy's flags (data/taxonomy.yaml, src/catalog) applied
// to a tool. Reporting reads everything a tool offers (its catalog features included); overlap,
// redundancy, file tools and internal tools read its primary capabilities.
import { isConduit, isFileTool as isFileToolCapability, isFileToolSet, isInternalSet, isMedia, reports } from '../catalog/index.js';
import type { Tool } from '../model/model.js';

export { isMedia };

/** rules.md "primary capability": the tool's own capabilities united with its catalog entry's, without its features. */
export function primaryCapabilities(tool: Tool): readonly string[] {
  return tool.primaryCapabilities;
}

/** A spreadsheet or file / document store capability (a file tool that is not a conduit such as team chat). */
export function isFileStore(capabilityId: string): boolean {
  return isFileToolCapability(capabilityId) && !isConduit(capabilityId);
}

/** rules.md "file tool": every primary capability is a file tool's or a conduit's (a shared inbox that is also a help desk is a system). */
export function isFileTool(tool: Tool): boolean {
  return isFileToolSet(tool.primaryCapabilities);
}

/** Every primary capability is internal work (design, project management, team chat, wiki). */
export function isInternalTool(tool: Tool): boolean {
  return isInternalSet(tool.primaryCapabilities);
}

/**
 * Capabilities of a place outside the company where its audience acts and which keeps its own
 * record of what happened there (docs/analysis.md, no-source-of-truth): review and UGC sites,
 * listings (SEO), affiliate networks; the media channels (taxonomy `media`) are such places too.
 */
const EXTERNAL_CHANNEL = new Set(['reviews', 'ugc', 'seo', 'affiliate-marketing']);

/**
 * An external channel: every primary capability is a media channel or a review, listing or
 * affiliate site. Each keeps its own audience's record (its ad engagement, its reviews): two of
 * them hold two sets, not two versions of one set.
 */
export function isExternalChannel(tool: Tool): boolean {
  const caps = tool.primaryCapabilities;
  return caps.length > 0 && caps.every((c) => isMedia(c) || EXTERNAL_CHANNEL.has(c));
}

/**
 * Not sold per seat: media bought by the click or the impression, a portal paid by the lead, a
 * print and mail service paid by the run (every primary capability is an external channel's or
 * direct mail), or a system built in-house. Nobody can say how many seats of Google Ads are
 * licensed (docs/analysis.md).
 */
export function notSoldPerSeat(tool: Tool): boolean {
  const caps = tool.primaryCapabilities;
  return (caps.length > 0 && caps.every((c) => isMedia(c) || EXTERNAL_CHANNEL.has(c) || c === 'direct-mail')) || builtInHouse(tool);
}

/**
 * A system the company built itself (`vendor: in-house`, "internal", 自社開発...): it has no
 * licences, so nobody can say how many seats it has (GAPS.md blind review 2, defect 12).
 */
export function builtInHouse(tool: Tool): boolean {
  return /^\s*(in-?house|internal|own|self-built|自社(開発)?|内製)\s*$/i.test(tool.vendor ?? '');
}

/** A tool reports (rules.md "reporting"): one of its capabilities measures or reports on its own activity. */
export function toolReports(tool: Tool): boolean {
  return tool.capabilities.some(reports);
}
