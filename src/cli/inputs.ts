/**
 * Turns the inputs named on the command line into the list of threads to analyze: files as given,
 * directories walked recursively, glob patterns expanded here (Node 20 has no `fs.glob`, and on
 * Windows or inside quotes the shell does not expand them), and `-` for standard input.
 *
 * Directories and globs take the thread formats only (`.txt`, `.jsonl`, `.ndjson`, `.csv`, any
 * case), so a `README.md` beside the data is skipped; a file named explicitly is always read.
 * Hidden entries (a name starting with `.`) are skipped while walking, and symbolic links to
 * folders are not followed (no cycles). Matches are sorted by path, byte order, so a run is the
 * same on every machine.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One thread to analyze: a file path (as the user wrote it, or joined under a folder) or stdin. */
export type InputRef = { kind: 'file'; path: string } | { kind: 'stdin' };

/** An argument that names nothing readable. */
export interface InputProblem {
  source: string;
  message: string;
}

/** Extensions taken from folders and globs. */
export const THREAD_EXTENSIONS = ['.txt', '.jsonl', '.ndjson', '.csv'] as const;

function isThreadFile(name: string): boolean {
  const lower = name.toLowerCase();
  return THREAD_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function hasGlobMagic(arg: string): boolean {
  return /[*?[]/.test(arg);
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Paths of the files under `root` (relative to it, `/`-separated), walked with an explicit stack.
 * The folder `skip` (the run's `--out`) is not entered: reports are not inputs.
 */
function walkFiles(root: string, skip?: string): string[] {
  const found: string[] = [];
  const stack: string[] = [''];
  while (stack.length > 0) {
    const relative = stack.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      continue; // unreadable folder inside a tree: skipped, like `find` does
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (skip === undefined || path.resolve(root, child) !== skip) stack.push(child);
      }
      else if (entry.isFile()) found.push(child);
      else if (entry.isSymbolicLink()) {
        try {
          if (fs.statSync(path.join(root, child)).isFile()) found.push(child);
        } catch {
          // dangling link: nothing to read
        }
      }
    }
  }
  return found.sort(byPath);
}

/**
 * A glob pattern as a regular expression over `/`-separated relative paths: `**` any number of
 * folders, `*` any characters within a name, `?` one character, `[...]` a character class.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      source += slashAfter ? '(?:[^/]*/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The files a glob pattern matches: walk from its literal leading folders, match the rest. */
function expandGlob(pattern: string, skip?: string): string[] {
  const normalized = pattern.replace(/\\/g, '/');
  const parts = normalized.split('/');
  const literal: string[] = [];
  while (parts.length > 1 && !hasGlobMagic(parts[0])) literal.push(parts.shift() as string);
  const base = literal.length === 0 ? '.' : literal.join('/') || '/';
  const matcher = globToRegExp(parts.join('/'));
  let files: string[];
  try {
    files = fs.statSync(base).isDirectory() ? walkFiles(base, skip) : [];
  } catch {
    files = [];
  }
  const prefix = literal.length === 0 ? '' : `${literal.join('/')}/`;
  return files.filter((f) => matcher.test(f) && isThreadFile(f)).map((f) => `${prefix}${f}`);
}

/**
 * The inputs of a run in command-line order (folder contents and glob matches sorted), each file
 * once even if named twice, and the arguments that named nothing. Folder walks and globs do not
 * enter `reportDir` (the run's `--out`), so `analyze data --out data/reports` can run twice.
 */
export function expandInputs(args: string[], reportDir?: string): { inputs: InputRef[]; problems: InputProblem[] } {
  const skip = reportDir === undefined ? undefined : path.resolve(reportDir);
  const inputs: InputRef[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  let stdinTaken = false;
  const addFile = (file: string): void => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ kind: 'file', path: file });
  };
  for (const arg of args) {
    if (arg === '-') {
      if (stdinTaken) problems.push({ source: '-', message: 'standard input is named twice; it can be read only once' });
      else inputs.push({ kind: 'stdin' });
      stdinTaken = true;
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const files = walkFiles(arg, skip).filter(isThreadFile);
      if (files.length === 0) problems.push({ source: arg, message: `no ${THREAD_EXTENSIONS.join(', ')} file in this folder` });
      for (const f of files) addFile(path.join(arg, f));
    } else if (stat) {
      addFile(arg);
    } else if (hasGlobMagic(arg)) {
      const files = expandGlob(arg, skip);
      if (files.length === 0) problems.push({ source: arg, message: `no ${THREAD_EXTENSIONS.join(', ')} file matches this pattern` });
      for (const f of files) addFile(f);
    } else {
      problems.push({ source: arg, message: 'no such file or folder' });
    }
  }
  return { inputs, problems };
}
