import fs from 'node:fs';
import path from 'node:path';
import { main, type CliIo } from '../../src/cli.js';
import type { WorkerLauncher } from '../../src/batch/pool.js';

/** An in-process CLI run: exit code and everything printed. */
export async function run(
  args: string[], analysisWorker?: WorkerLauncher, sentimentWorker?: WorkerLauncher,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTTY: false, analysisWorker, sentimentWorker };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Every file under `root`, relative, sorted. */
export function listTree(root: string): string[] {
  const found: string[] = [];
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop() as string;
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) stack.push(child);
      else found.push(child);
    }
  }
  return found.sort();
}

/** The files of `actual` that differ from `expected` (or exist in one only), byte for byte. */
export function treeDifferences(expected: string, actual: string): string[] {
  const a = listTree(expected);
  const b = listTree(actual);
  const differences = [...a.filter((f) => !b.includes(f)).map((f) => `missing ${f}`), ...b.filter((f) => !a.includes(f)).map((f) => `extra ${f}`)];
  for (const f of a.filter((file) => b.includes(file))) {
    if (!fs.readFileSync(path.join(expected, f)).equals(fs.readFileSync(path.join(actual, f)))) differences.push(`differs ${f}`);
  }
  return differences;
}
