import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * Absolute path of a data file shipped under `src/data/` (lexicons, schemas). Data stays in the
 * source tree (it is not compiled); this module sits at the same depth under `src/` and under
 * `dist/`, so the package root is two folders up in both cases.
 */
export function dataFile(...segments: string[]): string {
  const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return path.join(packageRoot, 'src', 'data', ...segments);
}
