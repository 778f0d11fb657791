// What the tool refuses to read, write or delete, and why (workspace/files.ts, report/write-report.ts,
// cli/commands/diagram.ts, render/browser.ts; docs/security.md).
export const safety: Record<string, string> = {
  'safety.link-outside': '"{path}" is a symbolic link that leads outside the workspace: links outside the workspace are not followed',
  'safety.link-outside.hint': 'copy the file into the workspace folder, or link to a file inside it',
  'safety.not-regular.fifo': '"{path}" is a named pipe (FIFO), not a file: only regular files are read',
  'safety.not-regular.socket': '"{path}" is a socket, not a file: only regular files are read',
  'safety.not-regular.device': '"{path}" is a device or system file, not a workspace file: only regular files are read',
  'safety.not-regular.folder': '"{path}" is a folder, not a file',
  'safety.not-regular.hint': 'replace it with an ordinary YAML file, or remove it from the workspace',
  'safety.too-large': '"{path}" is larger than {mb} MB, the most a workspace file may hold',
  'safety.too-large.hint': 'split the inventory into several files (tools/*.yaml, ...): each is read on its own',
};
