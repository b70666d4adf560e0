/**
 * The CLI's contact with the outside world, passed in so tests can run the CLI in-process: where
 * text goes, whether stderr is a terminal, and how standard input is read.
 */
import fs from 'node:fs';
import { decodeInput } from '../input/decode.js';
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

/**
 * Reads and decodes one input. `decodeInput` (the input stage) may return the text alone or the
 * text with warnings; both are accepted so the CLI keeps working while that stage grows.
 */
export async function readInput(input: InputRef, io: CliIo): Promise<DecodedInput> {
  const source = input.kind === 'stdin' ? 'stdin' : input.path;
  const bytes = input.kind === 'stdin' ? await (io.readStdin ?? (async () => new Uint8Array()))() : fs.readFileSync(input.path);
  const decoded: unknown = decodeInput(bytes, source);
  if (typeof decoded === 'string') return { text: decoded, warnings: [] };
  const { text, warnings } = decoded as { text: string; warnings?: Warning[] };
  return { text, warnings: warnings ?? [] };
}
