/**
 * White space as JavaScript's `\s` and `String.prototype.trim` define it (Unicode `Zs`, tab,
 * line ends, U+FEFF), tested one code unit at a time. The MacG parser asks "blank?" and "ends
 * with space?" of every line of a page: a look at one or two code units instead of a regular
 * expression or a trimmed copy per line.
 */

/** True when `code` is a white-space code unit for `\s` and `trim`. */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** True when `line` is empty or white space only (`line.trim() === ''`). */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpaceCode(line.charCodeAt(i))) return false;
  return true;
}

/** True when `line` ends with white space (`/\s$/u.test(line)`). */
export function endsWithSpace(line: string): boolean {
  return line.length > 0 && isSpaceCode(line.charCodeAt(line.length - 1));
}
