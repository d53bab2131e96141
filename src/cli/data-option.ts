import type { Command } from 'commander';
import { defaultDataDir } from '../core/config/data-dir.js';

export const DATA_FLAGS = '--data <dir>';
export const DATA_HELP = "the desk's data folder (default: the one the desktop app uses; env ENROLL_DESK_DATA)";

/**
 * The desk data folder for a subcommand: its own `--data`, else the program's (given
 * before the subcommand), else the desktop app's default. Lets one machine simulate many desks.
 */
export function deskDataDir(command: Command): string {
  const own = (command.opts() as { data?: string }).data;
  const parent = (command.parent?.opts() as { data?: string } | undefined)?.data;
  return own ?? parent ?? defaultDataDir();
}
