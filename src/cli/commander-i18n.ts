// Commander prints some words of its own: the help layout ("Usage:", "Options:", "default: ...")
// and its parse errors ("error: unknown option ..."). This module routes them through t() so that
// `--lang ja` (or a Japanese locale) gives a help screen and errors without English, and it makes
// help wrapping aware of full-width characters (commander counts UTF-16 units and wraps only at
// spaces, which Japanese text does not have).
import { Help, type Command, type Option, type Argument, type HelpConfiguration } from 'commander';
import { displayWidth as stringWidth } from '../util/width.js';
import { t } from '../i18n/index.js';
import { wrapText } from '../util/wrap.js';

export { wrapChunks, wrapText } from '../util/wrap.js';

const TITLES: Record<string, string> = {
  'Usage:': 'commander.usage',
  'Arguments:': 'commander.arguments',
  'Options:': 'commander.options',
  'Global Options:': 'commander.global-options',
  'Commands:': 'commander.commands',
};

function localizeUsage(usage: string): string {
  return usage
    .split(' ')
    .map((w) => (w === '[options]' ? t('commander.usage.options') : w === '[command]' ? t('commander.usage.command') : w))
    .join(' ');
}

function annotate(description: string, items: string[]): string {
  if (!items.length) return description;
  const joined = items.join(t('commander.annotation.separator'));
  return description ? t('commander.annotated', { description, items: joined }) : t('commander.annotation', { items: joined });
}

const quoteAll = (values: readonly string[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/** Help overrides: translated titles and annotations, display-width aware layout. */
export function localizedHelpConfiguration(): HelpConfiguration {
  return {
    styleTitle: (str: string) => (TITLES[str] ? t(TITLES[str]) : str),
    commandUsage(this: Help, cmd: Command) {
      return localizeUsage(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return localizeUsage(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionDescription(option: Option) {
      const items: string[] = [];
      if (option.argChoices) items.push(t('commander.choices', { values: quoteAll(option.argChoices) }));
      if (option.defaultValue !== undefined) {
        const show = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
        if (show) items.push(t('commander.default', { value: option.defaultValueDescription || JSON.stringify(option.defaultValue) }));
      }
      if (option.presetArg !== undefined && option.optional) items.push(t('commander.preset', { value: JSON.stringify(option.presetArg) }));
      if (option.envVar !== undefined) items.push(t('commander.env', { name: option.envVar }));
      const base = option.description === 'display help for command' ? t('commander.help-description') : option.description;
      return annotate(base, items);
    },
    argumentDescription(argument: Argument) {
      const items: string[] = [];
      if (argument.argChoices) items.push(t('commander.choices', { values: quoteAll(argument.argChoices) }));
      if (argument.defaultValue !== undefined) {
        items.push(t('commander.default', { value: argument.defaultValueDescription || JSON.stringify(argument.defaultValue) }));
      }
      return annotate(argument.description, items);
    },
    subcommandDescription(cmd: Command) {
      const d = cmd.summary() || cmd.description();
      return d === 'display help for command' ? t('commander.help-description') : d;
    },
    displayWidth: (str: string) => stringWidth(str),
    boxWrap(this: Help, str: string, width: number) {
      if (width < this.minWidthToWrap) return str;
      return wrapText(str, width);
    },
  } as HelpConfiguration;
}

function* commandsOf(cmd: Command): Generator<Command> {
  yield cmd;
  for (const sub of cmd.commands) yield* commandsOf(sub);
}

/**
 * Translates one of commander's error texts ("error: unknown option '--x'\n(Did you mean --y?)").
 * Unrecognised texts are returned unchanged.
 */
export function translateCommanderError(text: string, commandPath?: string): string {
  const trailing = text.endsWith('\n') ? '\n' : '';
  let body = text.replace(/\n$/, '');
  let suggestion = '';
  const sug = /\n\(Did you mean (one of )?(.+)\?\)$/.exec(body);
  if (sug) {
    body = body.slice(0, sug.index);
    suggestion = sug[1] ? t('commander.did-you-mean-one-of', { values: sug[2] }) : t('commander.did-you-mean', { value: sug[2] });
  }
  const m = /^error: ([\s\S]*)$/.exec(body);
  if (!m) return text;
  const message = translateErrorBody(m[1]);
  if (message === undefined) return text;
  const hint = commandPath && /^(unknown (option|command)|too many arguments|missing required argument) /.test(m[1])
    ? `\n${t('commander.help-hint', { command: commandPath })}`
    : '';
  return t('commander.error', { message }) + (suggestion ? `\n${suggestion}` : '') + hint + trailing;
}

function translateConflictSide(s: string): string {
  let m = /^option '(.+)'$/.exec(s);
  if (m) return t('commander.conflict.option', { option: m[1] });
  m = /^environment variable '(.+)'$/.exec(s);
  if (m) return t('commander.conflict.env', { name: m[1] });
  return s;
}

function translateReason(reason: string): string {
  const m = /^Allowed choices are (.*)\.$/.exec(reason);
  return m ? t('commander.allowed-choices', { choices: m[1] }) : reason;
}

function translateErrorBody(body: string): string | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^unknown option '(.+)'$/.exec(body))) return t('commander.unknown-option', { option: m[1] });
  if ((m = /^unknown command '(.+)'$/.exec(body))) return t('commander.unknown-command', { command: m[1] });
  if ((m = /^missing required argument '(.+)'$/.exec(body))) return t('commander.missing-argument', { name: m[1] });
  if ((m = /^option '(.+)' argument missing$/.exec(body))) return t('commander.option-missing-argument', { option: m[1] });
  if ((m = /^required option '(.+)' not specified$/.exec(body))) return t('commander.missing-mandatory-option', { option: m[1] });
  if ((m = /^too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)\.$/.exec(body))) {
    return t('commander.excess-arguments-for', { command: m[1], expected: m[2], received: m[3] });
  }
  if ((m = /^too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/.exec(body))) {
    return t('commander.excess-arguments', { expected: m[1], received: m[2] });
  }
  if ((m = /^option '(.+)' argument '(.*)' is invalid\.(?: ([\s\S]*))?$/.exec(body))) {
    return joinReason(t('commander.invalid-option-value', { option: m[1], value: m[2] }), m[3]);
  }
  if ((m = /^option '(.+)' value '(.*)' from env '(.+)' is invalid\.(?: ([\s\S]*))?$/.exec(body))) {
    return joinReason(t('commander.invalid-env-value', { option: m[1], value: m[2], name: m[3] }), m[4]);
  }
  if ((m = /^command-argument value '(.*)' is invalid for argument '(.+)'\.(?: ([\s\S]*))?$/.exec(body))) {
    return joinReason(t('commander.invalid-argument-value', { value: m[1], name: m[2] }), m[3]);
  }
  if ((m = /^(option '.+'|environment variable '.+') cannot be used with (option '.+'|environment variable '.+')$/.exec(body))) {
    return t('commander.conflicting-option', { option: translateConflictSide(m[1]), other: translateConflictSide(m[2]) });
  }
  return undefined;
}

function joinReason(head: string, reason: string | undefined): string {
  return reason ? t('commander.with-reason', { message: head, reason: translateReason(reason) }) : head;
}

/**
 * Applies translated help and error output to a program and all its subcommands (commander copies
 * settings to a subcommand only when it is created, so each command is configured here), and makes
 * every command throw instead of calling process.exit, so that the exit code is decided in one place.
 */
export function localizeCommander(
  program: Command,
  output: { writeErr?: (s: string) => void; outputError?: (s: string, write: (s: string) => void) => void } = {},
): Command {
  const help = localizedHelpConfiguration();
  for (const cmd of commandsOf(program)) {
    const path: string[] = [];
    for (let c: Command | null = cmd; c; c = c.parent) path.unshift(c.name());
    const commandPath = path.join(' ');
    cmd.configureHelp({ ...cmd.configureHelp(), ...help });
    cmd.exitOverride();
    cmd.configureOutput({
      ...(output.writeErr ? { writeErr: output.writeErr } : {}),
      outputError: (s, write) => {
        const translated = translateCommanderError(s, commandPath);
        if (output.outputError) output.outputError(translated, write);
        else write(translated);
      },
    });
  }
  return program;
}
