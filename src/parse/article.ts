import type { Article, ParsedThread } from '../model.js';
import { LineLedger } from './accounting.js';
import {
  addMeta, isCaptionLine, isChromeLine, isRelatedLine, isTeaserLine, joinParagraphs, syndicationField,
} from './page-lines.js';

/**
 * Parses a press article copied from a web page (no comments): the first content line is the
 * title, the other content lines the body. Site chrome, syndication fields, captions, related
 * links and teasers go to `article.meta` or the accounting, not to the body. A line repeating an
 * earlier one (a page pasted twice, a title printed twice) is counted as `duplicate` once the
 * first copy has been kept.
 */
export function parseArticle(text: string, source: string): ParsedThread {
  const lines = text.split('\n');
  const ledger = new LineLedger(lines);
  const article: Article = { author: '', text: '', meta: {} };
  const seen = new Set<string>();
  const body: string[] = [];
  let title = '';

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const lineNo = i + 1;
    if (isChromeLine(line)) {
      ledger.mark(lineNo, 'chrome');
      continue;
    }
    if (seen.has(line)) {
      ledger.mark(lineNo, 'duplicate');
      continue;
    }
    seen.add(line);
    const field = syndicationField(line);
    if (field !== null) {
      if (field.key === 'author' && article.author === '') article.author = field.value;
      else addMeta(article.meta, field.key, field.value);
      ledger.mark(lineNo, 'metadata');
    } else if (title === '') {
      title = line;
      ledger.mark(lineNo, 'header');
    } else if (isTeaserLine(line)) {
      addMeta(article.meta, 'next', line);
      ledger.mark(lineNo, 'footer');
    } else if (isRelatedLine(line)) {
      addMeta(article.meta, 'related', line);
      ledger.mark(lineNo, 'metadata');
    } else if (isCaptionLine(line)) {
      addMeta(article.meta, 'caption', line);
      ledger.mark(lineNo, 'metadata');
    } else {
      body.push(line);
      ledger.mark(lineNo, 'article');
    }
  }

  article.text = joinParagraphs(body);
  return { source, format: 'article', title, article, comments: [], lines: ledger.result(), warnings: [] };
}
