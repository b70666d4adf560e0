/**
 * Builders of small threads, named by shape, for the parse and thread tests.
 * MacG builders write the text the way the site's page copies (U+00A0 around the bar).
 */
import type { ParsedThread, RawComment } from '../../src/model.js';

const NBSP = '\u00a0';

/** One MacG comment block: author and text (text may be empty). */
export type Block = [author: string, text: string];

/** MacG page text with a title, a byline, one article paragraph and the given comment blocks. */
export function macgPage(blocks: Block[], article = 'Le corps de l’article parle de Microsoft et d’OpenAI.'): string {
  const parts = ['Titre de l’article', '', `Jeanne Auteur${NBSP}|`, '', article, ''];
  for (const [author, text] of blocks) {
    parts.push(`avatar ${author}${NBSP}|${NBSP}`, '');
    if (text !== '') parts.push(text, '');
  }
  parts.push('Pages', '', 'CONNEXION UTILISATEUR');
  return parts.join('\n');
}

/** A parsed thread of records (JSONL shape) with no article. */
export function recordThread(comments: Array<Partial<RawComment> & { author: string; text: string }>, article = ''): ParsedThread {
  return {
    source: 'test.jsonl', format: 'jsonl', title: '', article: { author: '', text: article, meta: {} },
    comments: comments.map((comment, i) => ({ id: `c${i + 1}`, line: i + 1, ...comment })),
    lines: { header: [], article: [], comments: [], footer: [], metadata: [], unparsed: [] },
    warnings: [],
  };
}

/** A chain of `depth` comments, each answering the one before it by explicit parent id. */
export function deepChain(depth: number): ParsedThread {
  const comments: RawComment[] = [];
  for (let i = 1; i <= depth; i++) {
    comments.push({ id: `r${i}`, author: i % 2 === 0 ? 'Alice' : 'Bob', text: `réponse ${i}`, line: i, ...(i > 1 ? { parentId: `r${i - 1}` } : {}) });
  }
  return { ...recordThread([]), comments };
}

/** JSONL text of records (one object per line). */
export function jsonlText(records: object[]): string {
  return records.map((record) => JSON.stringify(record)).join('\n') + '\n';
}
