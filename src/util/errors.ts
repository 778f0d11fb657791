// Typed errors. Known errors print as one clear line (cli/main.ts decides how); anything else is
// a bug and keeps its stack.

/** The command could not run: bad arguments, unreadable path, missing renderer. Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** The workspace is invalid or findings reached the threshold. Exit 1, already reported. */
export class FailureExit extends Error {
  override name = 'FailureExit';
  constructor(readonly code: 1 | 2 = 1) {
    super('exit');
  }
}

/** The user pressed Ctrl-C; what was saved stays saved. Exit 130. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor(message = 'interrupted') {
    super(message);
  }
}
