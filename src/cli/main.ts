// Process entry: language, colour, one place that decides how errors print and which exit code
// a run gets (rules.md: 0 ok, 1 invalid or threshold reached, 2 could not run).
import { CommanderError } from 'commander';
import { detectLang, initLang, t } from '../i18n/index.js';
import { FailureExit, InterruptedError, UsageError } from '../util/errors.js';
import { describeFsError, isFsError } from '../util/fs-errors.js';
import { setupColor, writeErr, chalk } from './output.js';

function argValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

export async function main(argv: string[]): Promise<void> {
  const code = await runCli(argv);
  process.exitCode = code;
}

export async function runCli(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  // `martech-audit ... | head` closes the pipe early: that is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  setupColor({ color: !args.includes('--no-color') });
  await initLang(detectLang(argValue(args, '--lang')));
  const { buildProgram } = await import('./program.js');
  const program = buildProgram();
  // Translated help and commander errors; every (sub)command throws instead of process.exit.
  const { localizeCommander } = await import('./commander-i18n.js');
  localizeCommander(program, {
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => write(chalk.red(s)),
  });
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err: any) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      return 2;
    }
    if (err instanceof FailureExit) return err.code;
    if (err instanceof UsageError) {
      writeErr(`${chalk.red('martech-audit:')} ${err.message}`);
      if (err.hint) writeErr(`  ${chalk.cyan(err.hint)}`);
      return 2;
    }
    if (err instanceof InterruptedError || err?.name === 'ExitPromptError') {
      writeErr(err.message && err.message !== 'interrupted' ? err.message : t('cli.interrupted'));
      return 130;
    }
    if (err?.code === 'EPIPE') return 0;
    // A path the user named cannot be read or written (permission, a parent that is a file, a
    // folder where a file goes): the command could not run, not a bug. One line, exit 2.
    if (isFsError(err)) {
      writeErr(`${chalk.red('martech-audit:')} ${describeFsError(err)}`);
      return 2;
    }
    writeErr(`${chalk.red('martech-audit: unexpected error (a bug; please report it with the command you ran):')}`);
    writeErr(err?.stack ?? String(err));
    return 2;
  }
}
