import yargs from 'yargs';

/** Streams the CLI writes to; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * The command-line interface, callable in-process: returns the exit code instead of exiting.
 * STUB: owned by the reports/CLI work.
 */
export async function main(argv: string[], io: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }): Promise<number> {
  await yargs(argv).scriptName('thread-stance').exitProcess(false).wrap(null).strict().parseAsync();
  void io;
  return 0;
}
