// The report writers: re-exports only.
export { csvHeader, commentsCsv, commentsCsvChunks, authorsCsv, authorsCsvChunks, commentColumns, authorColumns, neutraliseFormula, formatCsvNumber, topEvidence, agreementReason, type CsvDialect, type CsvOptions } from './csv.js';
export { summaryMarkdown, replyTreeOrder, type SummaryMarkdownOptions } from './markdown.js';
export { indexMarkdown, indexEntry, type IndexEntry, type FailedInput, type IndexMarkdownOptions } from './index-markdown.js';
export { threadJson, threadJsonChunks, threadJsonObject } from './json.js';
export { escapeMarkdownInline, markdownExcerpt, mermaidLabel, terminalSafe } from './escape.js';
export { DEFAULT_MARKDOWN_BUDGET } from './markdown-budget.js';
export { threadSlug, SlugAllocator } from './slug.js';
export { writeFileAtomic } from './atomic-write.js';
export { detachedString } from '../input/detach.js';
