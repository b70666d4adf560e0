/**
 * Module hooks that let a worker thread started under jest run the TypeScript sources: a `.js`
 * specifier that points at a `.ts` file of this repository resolves to it (the NodeNext import
 * style), and `.ts` files are transpiled with the project's TypeScript (no type check). The output
 * is cached on disk by content hash, so only changed files are transpiled again.
 * Test-only: the built package runs `dist/batch/worker.js` directly.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cacheDir = path.join(os.tmpdir(), `thread-stance-ts-cache-${process.getuid?.() ?? 'user'}`);
let ts;

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? '';
  if (parent.endsWith('.ts') && (specifier.startsWith('./') || specifier.startsWith('../')) && specifier.endsWith('.js')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), parent);
    if (fs.existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const source = fs.readFileSync(file, 'utf8');
  const cached = path.join(cacheDir, `${createHash('sha256').update(file).update('\0').update(source).digest('hex')}.mjs`);
  if (fs.existsSync(cached)) return { format: 'module', source: fs.readFileSync(cached, 'utf8'), shortCircuit: true };
  ts ??= (await import('typescript')).default;
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  fs.mkdirSync(cacheDir, { recursive: true });
  const temp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(temp, outputText);
  fs.renameSync(temp, cached);
  return { format: 'module', source: outputText, shortCircuit: true };
}
