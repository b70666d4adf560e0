/** The package version, read once from package.json (one folder above both `src/` and `dist/`). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let version: string | undefined;

/** The version of package.json, or `unknown` when it cannot be read. */
export function packageVersion(): string {
  if (version !== undefined) return version;
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
  try {
    version = (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    version = 'unknown';
  }
  return version;
}
