/**
 * The installed app doubles as the `enroll-desk` command, like VS Code's `code`: with the
 * RunAsNode fuse off, the Electron binary itself decides from argv whether to open the
 * window or run the CLI headless and exit with its code.
 */

/** The CLI's top-level commands (kept equal to src/cli/program.ts by src/main/cli-mode.test.ts). */
export const CLI_COMMANDS: readonly string[] = ['sandbox', 'queue', 'sync', 'import', 'audit', 'help'];

export const CLI_SWITCH = '--cli';

/**
 * The CLI's arguments, or null for the desktop window. `"Enroll Desk" --cli import …` runs
 * what follows `--cli`; the deb's /usr/bin/enroll-desk link starts the binary with the
 * command itself first (`enroll-desk import …`). A packaged app's argv has no script path.
 */
export function cliArguments(argv: readonly string[], isPackaged: boolean): readonly string[] | null {
  const user = argv.slice(isPackaged ? 1 : 2);
  const at = user.indexOf(CLI_SWITCH);
  if (at >= 0) return user.slice(at + 1);
  const first = user[0];
  return first !== undefined && CLI_COMMANDS.includes(first) ? user : null;
}

const flushed = (stream: NodeJS.WritableStream): Promise<void> => new Promise((resolve) => stream.write('', () => resolve()));

/**
 * Runs the CLI bundle (out/cli beside out/main; the build keeps this import external) and
 * resolves to its exit code once its output is written. A CLI that cannot load exits 2.
 */
export async function runCli(args: readonly string[]): Promise<number> {
  let code: number;
  try {
    const { main } = await import('../cli/main.js');
    code = await main([process.execPath, 'enroll-desk', ...args]);
  } catch (err) {
    process.stderr.write(`enroll-desk: ${err instanceof Error ? err.message : String(err)}\n`);
    code = 2;
  }
  await flushed(process.stdout);
  await flushed(process.stderr);
  return code;
}
