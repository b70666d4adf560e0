/**
 * Recognisers for the lines a web page leaves in copied text around the article itself: site
 * chrome, syndication fields, captions, "read more" links, teasers, footers. They are shared by
 * the MacG and plain-article parsers. Each looks at one trimmed line; none looks at thread content.
 */

/** Lines made only of punctuation (`-`, `* . * . *`, `———`): visual separators. */
const SEPARATOR = /^[\s\-–—*.·•_=~#|/\\+]+$/u;

/** Single-word interface labels left by a copy of the page (buttons, alt texts). */
const CHROME_WORDS = new Set([
  'close', 'fermer', 'logo', 'menu', 'share', 'partager', 'publicité', 'advertisement', 'abonnez-vous',
  'imprimer', 'print', 'search', 'rechercher', 'accueil', 'home',
]);

/** A database or server error printed into the page (`Erreur : SQLSTATE[HY000] ...`). */
const SERVER_ERROR = /(SQLSTATE\[|^[.\s]*(Erreur|Error|Warning|Fatal error|Parse error)\s*:)/u;

/** `Key : value` fields added by syndication sites, mapped to `article.meta` keys. */
const SYNDICATION_FIELDS: ReadonlyArray<[RegExp, string]> = [
  [/^source\s+link$/i, 'sourceLink'],
  [/^(author|auteur|auteure|par)$/i, 'author'],
  [/^(publish(ed)?\s+date|date\s+de\s+publication|published|publié\s+le|date)$/i, 'date'],
  [/^(tags|mots[- ]clés)$/i, 'tags'],
  [/^sources?$/i, 'source'],
];
const FIELD_LINE = /^([\p{L} -]{2,30}?)\s*:\s*(.+)$/u;

/** Image captions and credits: short lines naming a picture licence or credit. */
const CAPTION = /(\(CC[ -]?BY[^)]*\)|©|\b(Image|Photo|Illustration|Crédits?(\s+photo)?)\s*(:|\/|\p{Lu}))/u;
const CAPTION_MAX_LENGTH = 160;

/** Leads of links to other articles. */
const RELATED_LEAD = /^(à\s+lire\s+aussi|lire\s+aussi|voir\s+aussi|en\s+savoir\s+plus|pour\s+aller\s+plus\s+loin|read\s+more|related)\b/iu;

/** Teaser of the next article (`NEXT Threads, le rival X de Meta ...`). */
const NEXT_TEASER = /^(NEXT|SUIVANT|ARTICLE SUIVANT)\s+\S/u;

/** Page furniture printed after a comment list. */
const FOOTER_WORDS = new Set([
  'pages', 'page', 'connexion utilisateur', 'connexion', 'se connecter', "s'inscrire", 's’inscrire',
  'créer un compte', 'mot de passe oublié', 'mot de passe oublié ?', 'commentaires', 'page suivante',
  'suivant', 'précédent', 'charger plus de commentaires', 'voir plus de commentaires',
]);

/** True for separators, interface labels and server error lines. */
export function isChromeLine(line: string): boolean {
  return SEPARATOR.test(line) || CHROME_WORDS.has(line.toLowerCase()) || SERVER_ERROR.test(line);
}

/** The `article.meta` key and value of a syndication line (`Author : Anne Cagan`), or null. */
export function syndicationField(line: string): { key: string; value: string } | null {
  if (/^copyright\b/i.test(line)) return { key: 'copyright', value: line };
  const match = FIELD_LINE.exec(line);
  if (match === null) return null;
  for (const [label, key] of SYNDICATION_FIELDS) {
    if (label.test(match[1].trim())) return { key, value: match[2].trim().replace(/^["“«]\s*|\s*["”»]$/gu, '') };
  }
  return null;
}

/** True for an image caption or credit line. */
export function isCaptionLine(line: string): boolean {
  return line.length <= CAPTION_MAX_LENGTH && CAPTION.test(line);
}

/** True for a link to another article (`Lire aussi ...`, `Pour aller plus loin ...`). */
export function isRelatedLine(line: string): boolean {
  return RELATED_LEAD.test(line);
}

/** True for a teaser of the next article. */
export function isTeaserLine(line: string): boolean {
  return NEXT_TEASER.test(line);
}

/** True for page furniture that follows a comment list (`Pages`, `CONNEXION UTILISATEUR`). */
export function isFooterLine(line: string): boolean {
  return FOOTER_WORDS.has(line.toLowerCase());
}

/** Terminal punctuation after which a paragraph is complete. */
const PARAGRAPH_END = /[.!?…:;»"”)\]]$/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;

/**
 * Joins body lines into paragraphs separated by a blank line. A line that stops without final
 * punctuation and is followed by one starting in lower case is a sentence broken by the copy
 * (`... spécialisés dans` / `l'apprentissage automatique ...`): the two are joined with a space.
 */
export function joinParagraphs(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  for (const line of lines) {
    const previous = paragraphs[paragraphs.length - 1];
    if (previous !== undefined && !PARAGRAPH_END.test(previous) && STARTS_LOWERCASE.test(line)) {
      paragraphs[paragraphs.length - 1] = `${previous} ${line}`;
    } else {
      paragraphs.push(line);
    }
  }
  return paragraphs.join('\n\n');
}

/** Adds `value` to a multi-valued meta entry (one value per line). */
export function addMeta(meta: Record<string, string>, key: string, value: string): void {
  meta[key] = meta[key] === undefined ? value : `${meta[key]}\n${value}`;
}
