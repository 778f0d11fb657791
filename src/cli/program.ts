// The commander program. Each command is registered here with its options and help; its code
// lives in commands/<name>.ts and is imported only when that command runs (start-up stays fast).
import { Command, Option } from 'commander';
import { t } from '../i18n/index.js';
import type { GlobalOptions } from './context.js';

import { VERSION } from '../version.js';

export { VERSION };

function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

function examples(lines: string[]): string {
  return `\n${t('cli.examples')}\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export function buildProgram(): Command {
  const program = new Command('martech-audit');
  program
    .description(t('cli.description'))
    .version(VERSION, '-V, --version', t('cli.opt.version'))
    .helpOption('-h, --help', t('cli.opt.help'))
    .helpCommand('help [command]', t('cli.cmd.help'))
    .addOption(new Option('--lang <lang>', t('cli.opt.lang')).choices(['en', 'ja']))
    .option('--no-color', t('cli.opt.no-color'))
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true })
    .addHelpText('after', examples([
      'martech-audit init my-audit --template b2b-saas',
      'martech-audit validate my-audit',
      'martech-audit analyze my-audit',
      'martech-audit report my-audit --out audit-report',
    ]));

  program
    .command('init')
    .summary(t('cli.cmd.init'))
    .description(t('cli.cmd.init.long'))
    .argument('[dir]', t('cli.arg.dir'), '.')
    .option('-t, --template <name>', t('cli.opt.template'), 'blank')
    .option('--list', t('cli.opt.list-templates'))
    .option('--ci <provider>', t('cli.opt.ci'))
    .option('-f, --force', t('cli.opt.force'))
    .addHelpText('after', examples(['martech-audit init', 'martech-audit init audit --template retail', 'martech-audit init --list']))
    .action(async (dir, opts) => (await import('./commands/init.js')).run(dir, opts));

  program
    .command('validate')
    .summary(t('cli.cmd.validate'))
    .description(t('cli.cmd.validate.long'))
    .argument('[path]', t('cli.arg.path'), '.')
    .addOption(new Option('--format <format>', t('cli.opt.format')).choices(['text', 'json']).default('text'))
    .option('--strict', t('cli.opt.strict'))
    .addHelpText('after', examples(['martech-audit validate', 'martech-audit validate audit/ --format json']))
    .action(async (path, opts, cmd) => (await import('./commands/validate.js')).run(path, opts, globals(cmd)));

  program
    .command('schema')
    .summary(t('cli.cmd.schema'))
    .description(t('cli.cmd.schema.long'))
    .option('--analysis', t('cli.opt.schema-analysis'))
    .option('--diff', t('diff.opt.schema'))
    .option('-o, --out <file>', t('cli.opt.out-file'))
    .addHelpText('after', examples(['martech-audit schema > martech-audit.schema.json', 'martech-audit schema --analysis', 'martech-audit schema --diff']))
    .action(async (opts) => (await import('./commands/schema.js')).run(opts));

  program
    .command('catalog')
    .summary(t('cli.cmd.catalog'))
    .description(t('cli.cmd.catalog.long'))
    .argument('[query]', t('cli.arg.query'))
    .option('--capabilities', t('cli.opt.capabilities'))
    .option('--categories', t('cli.opt.categories'))
    .option('--limit <n>', t('cli.opt.limit'))
    .addOption(new Option('--format <format>', t('cli.opt.format')).choices(['text', 'json']).default('text'))
    .addHelpText('after', examples(['martech-audit catalog sales', 'martech-audit catalog --capabilities']))
    .action(async (query, opts) => (await import('./commands/catalog.js')).run(query, opts));

  // @register-commands: other commands are registered below by their modules' owners.

  program
    .command('diagram')
    .summary(t('diagram.cmd'))
    .description(t('diagram.cmd.long'))
    .argument('[path]', t('cli.arg.path'), '.')
    .option('-k, --kind <kind>', t('diagram.opt.kind'))
    .option('-o, --out <file>', t('diagram.opt.out'))
    .option('-f, --format <format>', t('diagram.opt.format'))
    .option('--start <month>', t('diagram.opt.start'))
    .option('--scale <n>', t('diagram.opt.scale'))
    .option('--force', t('safety.diagram.opt.force'))
    .addHelpText('after', examples([
      'martech-audit diagram examples/northwind-b2b --kind journey',
      'martech-audit diagram audit/ --kind dataflow --out dataflow.svg',
      'martech-audit diagram audit/ --kind portfolio --out portfolio.png --scale 3',
      'martech-audit diagram audit/ --kind roadmap --format pdf --out roadmap.pdf',
    ]))
    .action(async (path, opts, cmd) => (await import('./commands/diagram.js')).run(path, opts, globals(cmd)));

  program
    .command('report')
    .summary(t('report.cmd'))
    .description(t('report.cmd.long'))
    .argument('[path]', t('cli.arg.path'), '.')
    .option('-o, --out <dir>', t('report.opt.out'))
    .option('--pdf', t('report.opt.pdf'))
    .option('--no-render', t('report.opt.no-render'))
    .option('--fail-on <severity>', t('report.opt.fail-on'))
    .option('--sarif-max-results <n>', t('report.opt.sarif-max-results'))
    .option('--start <month>', t('diagram.opt.start'))
    .option('--pptx', t('deliverable.opt.pptx'))
    .option('--since <revision-or-file>', t('deliverable.opt.since'))
    .option('--date <YYYY-MM-DD>', t('deliverable.opt.date'))
    .option('--author <name>', t('deliverable.opt.author'))
    .option('--firm <name>', t('deliverable.opt.firm'))
    .addHelpText('after', examples([
      'martech-audit report examples/northwind-b2b --out audit-report',
      'martech-audit report audit/ --out audit-report --pdf',
      'martech-audit report audit/ --pdf --pptx --author "Jane Doe" --firm Acme',
      'martech-audit report audit/ --pdf --since v2026-q3',
      'martech-audit report audit/ --no-render',
    ]))
    .action(async (path, opts, cmd) => (await import('./commands/report.js')).run(path, opts, globals(cmd)));

  program
    .command('interview')
    .summary(t('interview.cmd'))
    .description(t('interview.cmd.long'))
    .argument('[dir]', t('interview.arg.dir'), '.')
    .option('--step <step>', t('interview.opt.step'))
    .option('--resume', t('interview.opt.resume'))
    .option('--quick', t('interview.opt.quick'))
    .addHelpText('after', examples([
      'martech-audit interview client-audit',
      'martech-audit interview client-audit --step tools',
      'martech-audit interview client-audit --resume',
      'martech-audit interview client-audit --quick',
    ]))
    .action(async (dir, opts, cmd) => (await import('./commands/interview.js')).run(dir, opts, globals(cmd)));

  program
    .command('analyze')
    .summary(t('analyze.cmd'))
    .description(t('analyze.cmd.long'))
    .argument('[path]', t('cli.arg.path'), '.')
    .option('--format <format>', t('analyze.opt.format'), 'text')
    .option('--step <n>', t('analyze.opt.step'))
    .option('--fail-on <severity>', t('analyze.opt.fail-on'))
    .option('--start <month>', t('analyze.opt.start'))
    .option('-o, --out <file>', t('analyze.opt.out'))
    .option('--baseline <file>', t('cli.opt.baseline'))
    .option('--write-baseline <file>', t('cli.opt.write-baseline'))
    .option('--sarif-max-results <n>', t('analyze.opt.sarif-max-results'))
    .addHelpText('after', examples([
      'martech-audit analyze examples/northwind-b2b',
      'martech-audit analyze audit/ --step roadmap --start 2027-01',
      'martech-audit analyze audit/ --format json --out audit.json',
      'martech-audit analyze audit/ --fail-on critical',
    ]))
    .action(async (path, opts, cmd) => (await import('./commands/analyze.js')).run(path, opts, globals(cmd)));

  program
    .command('explain')
    .summary(t('explain.cmd'))
    .description(t('explain.cmd.long'))
    .argument('[rule]', t('explain.arg.rule'))
    .addHelpText('after', examples(['martech-audit explain', 'martech-audit explain data-silo']))
    .action(async (rule, opts, cmd) => (await import('./commands/explain.js')).run(rule, opts, globals(cmd)));

  program
    .command('diff')
    .summary(t('cli.cmd.diff'))
    .description(t('cli.cmd.diff.long'))
    .argument('[old]', t('diff.arg.old'))
    .argument('[new]', t('diff.arg.new'))
    .option('--since <ref>', t('diff.opt.since'))
    .addOption(new Option('--format <format>', t('cli.opt.format')).choices(['text', 'markdown', 'json']).default('text'))
    .option('-o, --out <file>', t('diff.opt.out'))
    .addOption(new Option('--fail-on <severity>', t('diff.opt.fail-on')).choices(['info', 'low', 'medium', 'high', 'critical', 'none']))
    .addHelpText('after', examples([
      'martech-audit diff HEAD~1',
      'martech-audit diff origin/main:audit/ audit/',
      'martech-audit diff --since origin/main audit --format markdown',
      'martech-audit diff v1.0 v2.0 --format json',
    ]))
    .action(async (oldSpec, newSpec, opts, cmd) => (await import('./commands/diff.js')).run(oldSpec, newSpec, opts, globals(cmd)));
  program
    .command('import')
    .summary(t('sheets.import.cmd'))
    .description(t('sheets.import.cmd.long'))
    .argument('<file>', t('sheets.import.arg.file'))
    .option('-o, --out <workspace>', t('sheets.import.opt.out'))
    .option('--into <workspace>', t('sheets.import.opt.into'))
    .option('--map <mapping>', t('sheets.import.opt.map'), (v: string, prev: string[] = []) => [...prev, v])
    .option('--sheet <name>', t('sheets.import.opt.sheet'))
    .option('--currency <code>', t('sheets.import.opt.currency'))
    .option('--name <organization>', t('sheets.import.opt.name'))
    .option('-n, --dry-run', t('sheets.import.opt.dry-run'))
    .option('-f, --force', t('sheets.opt.force'))
    .addOption(new Option('--format <format>', t('sheets.import.opt.format')).choices(['text', 'json']).default('text'))
    .addHelpText('after', examples([
      'martech-audit import tools.csv --out client-audit',
      'martech-audit import apps.csv --out audit --map "Business Unit=owner" -n',
      'martech-audit import ツール一覧.xlsx --out audit --sheet ツール',
      'martech-audit import more-tools.xlsx --into client-audit',
    ]))
    .action(async (file, opts, cmd) => (await import('./commands/import.js')).run(file, opts, globals(cmd)));

  program
    .command('export')
    .summary(t('sheets.export.cmd'))
    .description(t('sheets.export.cmd.long'))
    .argument('[path]', t('cli.arg.path'), '.')
    .addOption(new Option('--format <format>', t('sheets.export.opt.format')).choices(['xlsx', 'csv']).default('xlsx'))
    .requiredOption('-o, --out <file>', t('sheets.export.opt.out'))
    .option('--start <month>', t('sheets.export.opt.start'))
    .option('-f, --force', t('sheets.opt.force'))
    .addHelpText('after', examples([
      'martech-audit export examples/northwind-b2b --out northwind.xlsx',
      'martech-audit export audit/ --format csv --out audit-csv',
    ]))
    .action(async (path, opts, cmd) => (await import('./commands/export.js')).run(path, opts, globals(cmd)));

  // Help lists the commands in the order of the work: set up, audit, present, keep in git,
  // interview, look-ups.
  const order = ['init', 'import', 'validate', 'analyze', 'explain', 'report', 'export', 'diagram', 'diff', 'interview', 'catalog', 'schema'];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  (program.commands as Command[]).sort((a, b) => rank(a.name()) - rank(b.name()));
  return program;
}
