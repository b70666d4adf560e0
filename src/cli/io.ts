/**
 * The CLI's contact with the outside world, passed in so tests can run the CLI in-process: where
 * text goes, whether stderr is a terminal, and how standard input is read.
 */
import fs from 'node:fs';
import type { WorkerLauncher } from '../batch/pool.js';
import { decodeInputWithWarnings } from '../input/decode.js';
import type { Warning } from '../model.js';
import type { InputRef } from './inputs.js';

/** Streams the CLI writes to; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (the progress bar is drawn only then). */
  stderrIsTTY?: boolean;
  /** All of standard input, for the `-` input. */
  readStdin?: () => Promise<Uint8Array>;
  /**
   * How analysis worker threads are started for `--jobs` above 1. Default: the compiled
   * `dist/batch/worker.js`; when running from the TypeScript sources there is none, and inputs
   * are analyzed in-process (tests pass a launcher that runs the sources through a loader).
   */
  analysisWorker?: WorkerLauncher;
  /** How to start the sentiment worker of a one-input run (see `src/batch/sentiment-worker.ts`); same default rule. */
  sentimentWorker?: WorkerLauncher;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** Decoded text of an input and the warnings decoding raised (e.g. a guessed legacy encoding). */
export interface DecodedInput {
  text: string;
  warnings: Warning[];
}

/** All of standard input through `io` (empty when `io` cannot read it). */
export async function readStdinBytes(io: CliIo): Promise<Uint8Array> {
  return (io.readStdin ?? (async () => new Uint8Array()))();
}

/** Reads and decodes one input, with the warnings decoding raised (e.g. a guessed legacy encoding). */
export async function readInput(input: InputRef, io: CliIo): Promise<DecodedInput> {
  const source = input.kind === 'stdin' ? 'stdin' : input.path;
  const bytes = input.kind === 'stdin' ? await readStdinBytes(io) : fs.readFileSync(input.path);
  return decodeInputWithWarnings(bytes, source);
}
