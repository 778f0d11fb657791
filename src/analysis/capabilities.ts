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

/** A tool reports (rules.md "reporting"): one of its capabilities measures or reports on its own activity. */
export function toolReports(tool: Tool): boolean {
  return tool.capabilities.some(reports);
}
