import { buildProgram } from './program.js';

/** Runs the CLI; resolves to the process exit code (commands set their own). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    const code = (err as { exitCode?: number }).exitCode;
    if (typeof code === 'number') return code === 0 ? 0 : 2;
    process.stderr.write(`enroll-desk: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
