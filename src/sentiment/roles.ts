/**
 * The rule word lists a unit's plain key belongs to, as bits of one number. The passes that read
 * every unit of a text (clause marking, sarcasm, lack, reports, contrast) asked up to ten sets
 * per unit; the answers depend on the key only, so they are worked out once per distinct key and
 * carried by the unit (`ScoringUnit.roles`). `(unit.roles & ROLE.x) !== 0` is exactly
 * `rules.<list>.has(unit.plain)`.
 */
import type { FrenchRules } from './rules-data.js';

/** One bit per rule word list. */
export const ROLE = {
  /** `rules.purpose.markers` (`pour`, `afin`). */
  purpose: 1 << 0,
  /** `rules.preference.markers`. */
  preference: 1 << 1,
  /** `rules.condition.markers` (`si`). */
  condition: 1 << 2,
  /** `rules.condition.subjects`. */
  conditionSubject: 1 << 3,
  /** `rules.reported.conjunctions` (`que`). */
  reportConjunction: 1 << 4,
  /** `rules.sarcasm.markers`. */
  sarcasmMarker: 1 << 5,
  /** `rules.laughter`. */
  laughter: 1 << 6,
  /** `rules.lack.nouns`. */
  lackNoun: 1 << 7,
  /** `rules.report.sources`. */
  reportSource: 1 << 8,
  /** `rules.contrast.markers` (`mais`). */
  contrast: 1 << 9,
} as const;

/** Above this many keys the memo is dropped, which bounds memory on million-comment inputs. */
const ROLES_CACHE_LIMIT = 200_000;
const rolesCache = new Map<string, number>();
let cachedFor: FrenchRules | undefined;

/** The {@link ROLE} bits of a plain unit key under `rules` (memoised per key). */
export function rolesOf(plain: string, rules: FrenchRules): number {
  if (cachedFor !== rules) {
    rolesCache.clear();
    cachedFor = rules;
  }
  let roles = rolesCache.get(plain);
  if (roles === undefined) {
    roles =
      (rules.purpose.markers.has(plain) ? ROLE.purpose : 0) |
      (rules.preference.markers.has(plain) ? ROLE.preference : 0) |
      (rules.condition.markers.has(plain) ? ROLE.condition : 0) |
      (rules.condition.subjects.has(plain) ? ROLE.conditionSubject : 0) |
      (rules.reported.conjunctions.has(plain) ? ROLE.reportConjunction : 0) |
      (rules.sarcasm.markers.has(plain) ? ROLE.sarcasmMarker : 0) |
      (rules.laughter.has(plain) ? ROLE.laughter : 0) |
      (rules.lack.nouns.has(plain) ? ROLE.lackNoun : 0) |
      (rules.report.sources.has(plain) ? ROLE.reportSource : 0) |
      (rules.contrast.markers.has(plain) ? ROLE.contrast : 0);
    if (rolesCache.size >= ROLES_CACHE_LIMIT) rolesCache.clear();
    rolesCache.set(plain, roles);
  }
  return roles;
}
