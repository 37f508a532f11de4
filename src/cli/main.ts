#!/usr/bin/env node
/**
 * tddui-bench command line. Exit codes: 0 = no error-level finding, 1 = error-level findings,
 * 2 = usage or internal error (never confused with "invalid data").
 */
import { Command, CommanderError } from 'commander';
import { TOOL } from '../reports/tool-info.js';
import { adminCommand } from './commands/admin.js';
import { checkCommand } from './commands/check.js';
import { profilesCommand } from './commands/profiles.js';
import { rulesCommand } from './commands/rules.js';

export function buildProgram(): Command {
  const program = new Command('tddui-bench')
    .description('Banc de conformité TDDUI (Transfert de données DUI)')
    .version(TOOL.version)
    .exitOverride()
    .configureOutput({ outputError: (s, write) => write(s) });
  program.addCommand(checkCommand());
  program.addCommand(profilesCommand());
  program.addCommand(rulesCommand());
  program.addCommand(adminCommand());
  for (const c of program.commands) {
    c.exitOverride();
    for (const sub of c.commands) sub.exitOverride();
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    process.stderr.write(`tddui-bench : erreur : ${(e as Error).message}\n`);
    return 2;
  }
}

main(process.argv).then((code) => {
  process.exitCode = code;
});
