import type { FrenchRules } from './rules-data.js';
import { ROLE } from './roles.js';
import type { ScoringUnit } from './units.js';

/** What the French rules make of one lexicon hit. */
export interface RuleOutcome {
  value: number;
  /** The value as the hit's own clause reads it: without the x0.5 of a clause that an adversative outweighs. */
  clauseValue: number;
  rules: string[];
}

/** Per-sentence facts the rules need, computed once per text. */
export interface SentenceFacts {
  /** Sentence written all in capitals: capitals then carry no emphasis. */
  allCapitals: boolean;
  /** Holds `!!` or more. */
  exclaims: boolean;
  /** Index of its first unit. */
  firstUnit: number;
  /** Ends with `?`: its terms are asked about, not asserted. */
  question: boolean;
}

/** Facts about each sentence of the units (indexed by the units' `sentence`). */
export function sentenceFacts(units: readonly ScoringUnit[]): Map<number, SentenceFacts> {
  const facts = new Map<number, SentenceFacts & { words: number; capitalWords: number }>();
  let fact: (SentenceFacts & { words: number; capitalWords: number }) | undefined;
  let factSentence = -1;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    // Units come sentence by sentence: the map is searched only when the sentence changes.
    if (fact === undefined || unit.sentence !== factSentence) {
      fact = facts.get(unit.sentence);
      factSentence = unit.sentence;
    }
    if (fact === undefined) {
      fact = { allCapitals: false, exclaims: false, firstUnit: i, question: false, words: 0, capitalWords: 0 };
      facts.set(unit.sentence, fact);
    }
    if (unit.boundary) {
      if (unit.plain === '!' && i + 1 < units.length && units[i + 1].plain === '!') fact.exclaims = true;
      // The last `?` of the sentence (`Vraiment ?!` too): a later word clears it again.
      if (unit.plain === '?') fact.question = true;
    } else if (unit.word && fact.question) {
      fact.question = false;
      fact.words += 1;
      if (unit.capitals) fact.capitalWords += 1;
    } else {
      fact.words += 1;
      if (unit.capitals) fact.capitalWords += 1;
    }
  }
  for (const fact of facts.values()) fact.allCapitals = fact.words >= 2 && fact.capitalWords === fact.words;
  return facts;
}

const OPENING_QUOTES = new Set(['«', '“', '„', '‹']);
const CLOSING_QUOTES = new Set(['»', '”', '›']);

/**
 * Marks the units inside a short quotation (at most `quotes.maxWords` words between `« »`,
 * `“ ”` or a pair of `"` of one sentence) as quoted: a word quoted to be answered or mocked.
 */
export function markShortQuotes(units: ScoringUnit[], rules: FrenchRules): void {
  let open = -1;
  let words = 0;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (open >= 0 && unit.sentence !== units[open].sentence) open = -1;
    if (!unit.boundary) {
      words += 1;
      continue;
    }
    const mark = unit.plain;
    const closes = open >= 0 && (CLOSING_QUOTES.has(mark) || (mark === '"' && units[open].plain === '"'));
    if (closes) {
      if (words >= 1 && words <= rules.quotes.maxWords) for (let j = open + 1; j < i; j++) units[j].quoted = true;
      open = -1;
    } else if (OPENING_QUOTES.has(mark) || mark === '"') {
      open = i;
      words = 0;
    }
  }
}

/** How far before `que` the verb of saying may stand (`a dit publiquement que`), and before the verb its subject. */
const REPORTING_REACH = 3;

/** `que` at `q` introduces reported words: a verb of saying or thinking shortly before it, whose subject is not the writer. */
function introducesReport(units: readonly ScoringUnit[], q: number, rules: FrenchRules): boolean {
  const { verbs, ownSubjects } = rules.reported;
  for (let v = q - 1; v >= q - REPORTING_REACH && sameClause(units, q, v); v--) {
    if (!verbs.has(units[v].plain)) continue;
    for (let s = v - 1; s >= v - REPORTING_REACH && sameClause(units, q, s); s--) if (ownSubjects.has(units[s].plain)) return false;
    return true;
  }
  return false;
}

/**
 * Marks, in one pass, the units of a hypothesis (after `si` + its subject: `si elle s'effondre`),
 * of the alternatives of a preference (after `je préfère`: `un report à un jeu cassé`)
 * and of reported words (after `que` following a verb of saying whose subject is not the writer:
 * `on disait que ...`) and of a goal (after `pour` + infinitive: `pour réussir`), each up to the end of its clause. `s'` is `si` only before `il`/`ils`;
 * elsewhere it is the reflexive pronoun (`s'effondre`).
 */
export function markClauses(units: ScoringUnit[], rules: FrenchRules): void {
  let hypothetical = false;
  let hearsay = false;
  let compared = false;
  let intended = false;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (unit.boundary || (i > 0 && unit.sentence !== units[i - 1].sentence)) {
      hypothetical = false;
      hearsay = false;
      compared = false;
      intended = false;
      if (unit.boundary) continue;
    }
    unit.hypothetical = hypothetical;
    unit.reported = hearsay;
    unit.compared = compared;
    unit.intended = intended;
    const roles = unit.roles;
    if (!intended && (roles & ROLE.purpose) !== 0 && opensPurpose(units, i, rules)) intended = true;
    if ((roles & ROLE.preference) !== 0) compared = true;
    const next = i + 1 < units.length && sameClause(units, i, i + 1) ? units[i + 1] : undefined;
    if (!hypothetical && next !== undefined && (roles & ROLE.condition) !== 0 && ((next.roles & ROLE.conditionSubject) !== 0 || (next.name && unit.plain === 'si'))) {
      hypothetical = true;
    }
    if (!hearsay && (roles & ROLE.reportConjunction) !== 0 && introducesReport(units, i, rules)) hearsay = true;
  }
}

/** Looks like an infinitive as written: `-er`, `-ir`, `-re` (`réussir`, `résoudre`, `pouvoir`). */
const INFINITIVE = /(?:er|ir|re)$/;

/**
 * The purpose marker at `p` (`pour`, `afin de`) is followed by an infinitive, after any object
 * pronouns, that is not a past infinitive's auxiliary, in a sentence whose verb before it is not negated.
 */
function opensPurpose(units: readonly ScoringUnit[], p: number, rules: FrenchRules): boolean {
  const { clitics, accomplished } = rules.purpose;
  let v = p + 1;
  while (sameClause(units, p, v) && clitics.has(units[v].term)) v += 1;
  if (!sameClause(units, p, v) || !units[v].word || units[v].name) return false;
  const verb = units[v].term;
  if (!INFINITIVE.test(verb) || accomplished.has(verb)) return false;
  // `ils ne vont pas mettre des mois pour l'améliorer`: a negated main verb denies the means or the time, the goal is taken for granted.
  for (let j = p - 1; j >= 0 && units[j].sentence === units[p].sentence; j--) if (rules.negation.ne.has(units[j].plain)) return false;
  return true;
}

/** True when unit `j` is in the same clause as unit `i` and there is no boundary between them. */
function sameClause(units: readonly ScoringUnit[], i: number, j: number): boolean {
  return j >= 0 && j < units.length && !units[j].boundary && units[j].sentence === units[i].sentence;
}

/** Lexical role: the word's lexicon value does not hold in this use (see `lexicalRole` in fr-rules.json). */
export function lexicalRoleCancels(units: readonly ScoringUnit[], i: number, rules: FrenchRules, isTerm: (unit: ScoringUnit) => boolean): boolean {
  const key = units[i].plain;
  const next = sameClause(units, i, i + 1) ? units[i + 1] : undefined;
  // Only before a word: `super 😑` is the adjective, its emoji says how it is meant.
  if (rules.intensifierBeforeTerm.has(key) && next !== undefined && next.word && (isTerm(next) || rules.intensity.factors.has(next.plain))) return true;
  if (rules.onlyAtClauseEnd.has(key) && next !== undefined) return true;
  if (rules.pronounBeforeNe.has(key) && next !== undefined && rules.negation.ne.has(next.plain)) return true;
  // `j'aime grave`: right after a term, an adverb of `afterTerm` intensifies it and has no polarity of its own.
  if (rules.intensity.afterTerm.has(key) && sameClause(units, i, i - 1) && isTerm(units[i - 1])) return true;
  // `Bon, on verra`: `bon` opening a sentence before a pause or a pronoun is a discourse marker, not praise.
  if (rules.discourse.openers.has(key) && (next === undefined || rules.discourse.followers.has(next.plain)) && opensSentence(units, i, rules.discourse.lead)) return true;
  return false;
}

/** True when only boundaries and words of `lead` (`ah`, `et`) come before unit `i` in its sentence. */
function opensSentence(units: readonly ScoringUnit[], i: number, lead: ReadonlySet<string>): boolean {
  for (let j = i - 1; j >= 0 && units[j].sentence === units[i].sentence; j--) {
    if (!units[j].boundary && !lead.has(units[j].plain)) return false;
  }
  return true;
}

/** A word of lack or loss followed by `de` (`manque de`, `faute de`, `la perte de`): it denies what it governs, as `sans` does. */
function isPrivative(units: readonly ScoringUnit[], j: number, rules: FrenchRules): boolean {
  return rules.privation.words.has(units[j].plain) && sameClause(units, j, j + 1) && rules.privation.links.has(units[j + 1].plain);
}

/** A verb of stopping followed by `de` (`arrêtez de`, `faut cesser d'`): an injunction that rejects what it governs. */
function isCessation(units: readonly ScoringUnit[], j: number, rules: FrenchRules): boolean {
  return rules.cessation.verbs.has(units[j].plain) && sameClause(units, j, j + 1) && rules.privation.links.has(units[j + 1].plain);
}

/** Words before a negative pronoun that make it a noun (`une personne ne devrait pas`, `un rien ne suffit`). */
const NOUN_DETERMINERS = new Set(['chaque', 'toute', 'quelle', 'cette', 'une', 'un', 'la', 'le', "l'"]);

/**
 * `personne n'a aimé`, `rien n'est parfait`: a negative pronoun as the subject of the `ne` at
 * `ne` negates its verb without `pas`; not a verb of comparison (`rien ne vaut ...`).
 */
function negatingSubject(units: readonly ScoringUnit[], ne: number, i: number, rules: FrenchRules): boolean {
  const subject = ne - 1;
  if (!sameClause(units, i, subject) || !rules.subjectNegation.subjects.has(units[subject].plain)) return false;
  if (sameClause(units, i, subject - 1) && NOUN_DETERMINERS.has(units[subject - 1].plain)) return false;
  return !superlative(units, ne, rules);
}

/** The verb right after the `ne` at `ne` compares (`ne vaut`, `ne bat`): with a negative subject, a superlative. */
function superlative(units: readonly ScoringUnit[], ne: number, rules: FrenchRules): boolean {
  return sameClause(units, ne, ne + 1) && rules.subjectNegation.superlativeVerbs.has(units[ne + 1].plain);
}

/**
 * How a negation bears on the hit at `i`:
 * - `flip`: the word itself is denied (`pas excellent`, `pas de problème`, `ne m'inquiète pas`);
 * - `object`: the negated verb is another word and the hit is its object (`ne résoudra pas le problème`);
 * - `litote`: an intensifier stands between the negator and the hit (`pas très bon`, `pas trop débile`);
 * - `rejected`: a verb of stopping governs the hit (`arrêtez d'admirer`): praise flips, a complaint stays one (`arrêtez de pleurer`).
 */
export type NegationScope = 'none' | 'flip' | 'object' | 'litote' | 'rejected';

/** True when a unit between `from` and `to` (exclusive) holds one of `keys`. */
function anyBetween(units: readonly ScoringUnit[], from: number, to: number, keys: ReadonlySet<string>): boolean {
  for (let j = from + 1; j < to; j++) if (keys.has(units[j].plain)) return true;
  return false;
}

/** True when a term (not an intensifier of a litote) stands between units `from` and `to` (exclusive). */
function anyTermBetween(units: readonly ScoringUnit[], from: number, to: number, rules: FrenchRules, isTerm: (unit: ScoringUnit) => boolean): boolean {
  for (let j = from + 1; j < to; j++) if (isTerm(units[j]) && !rules.negation.litote.intensifiers.has(units[j].plain)) return true;
  return false;
}

/** An inverted verb (`est-ce`, `serait-il`): the form of a question, not of a statement. */
function isInverted(key: string, rules: FrenchRules): boolean {
  const hyphen = key.lastIndexOf('-');
  if (hyphen <= 0) return false;
  const pronoun = key.slice(hyphen + 1);
  return rules.negation.invertedPronouns.has(pronoun) || rules.negation.invertedPronouns.has(key.slice(key.lastIndexOf('-', hyphen - 1) + 1));
}

/** `je ne pense pas que ...`, `pas sûr que ...`: the hit is in a `que` clause introduced by a denied opinion. */
function deniedOpinion(units: readonly ScoringUnit[], i: number, rules: FrenchRules): boolean {
  const { negation } = rules;
  for (let q = i - 1; sameClause(units, i, q); q--) {
    const key = units[q].plain;
    if (key !== 'que' && key !== "qu'") continue;
    const before = q >= 2 ? units[q - 1].plain : '';
    const earlier = q >= 2 ? units[q - 2].plain : '';
    if (negation.objectNegators.has(before) && negation.opinionVerbs.has(earlier)) return true;
    if (negation.opinionVerbs.has(before) && negation.objectNegators.has(earlier)) return true;
    return false;
  }
  return false;
}

/** True when an expression unit (`plus-jamais`, `pas-terrible`) opens with a negator that goes with `ne` (`plus`, `pas`, `jamais`, `rien`). */
function carriesNegator(key: string, rules: FrenchRules): boolean {
  const dash = key.indexOf('-');
  if (dash <= 0) return false;
  const first = key.slice(0, dash);
  return rules.negation.afterNe.has(first) || rules.negation.after.has(first);
}

/** The scope of the negation of the hit at `i`, if any. Looks back over the window and just after it, inside the clause. */
export function negationScope(
  units: readonly ScoringUnit[],
  i: number,
  rules: FrenchRules,
  facts: Map<number, SentenceFacts>,
  isTerm: (unit: ScoringUnit) => boolean,
): NegationScope {
  const { negation } = rules;
  if (sameClause(units, i, i - 1) && negation.adjacent.has(units[i - 1].plain)) return 'flip';
  // An expression that carries its own negator (`plus jamais`) is the negation the `ne` of its clause goes with.
  if (carriesNegator(units[i].plain, rules)) return 'none';
  let ne = -1;
  for (let j = i - 1; j >= i - negation.window - 2 && sameClause(units, i, j); j--) {
    if (negation.ne.has(units[j].plain)) {
      ne = j;
      break;
    }
  }
  let negator = -1;
  for (let j = i - 1; j >= i - negation.window && sameClause(units, i, j); j--) {
    const key = units[j].plain;
    if (negation.predicateVerbs.has(key)) break;
    if (negation.before.has(key) || (negation.afterNe.has(key) && ne >= 0)) {
      negator = j;
      break;
    }
    if (isPrivative(units, j, rules)) {
      negator = j;
      break;
    }
    if (isCessation(units, j, rules)) return 'rejected';
    // A negator bears on the nearest evaluative word: `sans un cauchemar de poursuites` denies the nightmare, not each word after it.
    if (isTerm(units[j]) && !negation.litote.intensifiers.has(key)) break;
  }
  // `personne n'a crié au scandale`: like any negator, a negating subject bears on the nearest evaluative word only.
  const bySubject = negator < 0 && ne > 0 && negatingSubject(units, ne, i, rules) && !anyTermBetween(units, ne, i, rules, isTerm);
  if (bySubject) negator = ne - 1;
  // `rien ne vaut un bon livre`: nothing equals it, a superlative of the praise that follows.
  if (negator >= 0 && negator + 1 === ne && superlative(units, ne, rules)) return 'none';
  if (negator >= 0) {
    if (facts.get(units[i].sentence)?.question === true && ne >= 0) {
      // `N'est-ce pas génial ?`: a rhetorical question asserts what it seems to deny.
      for (let j = ne + 1; j < negator; j++) if (isInverted(units[j].plain, rules)) return 'none';
    }
    if (anyBetween(units, negator, i, negation.litote.intensifiers)) return 'litote';
    if ((bySubject || negation.objectNegators.has(units[negator].plain)) && anyBetween(units, negator, i, negation.determiners)) {
      // `ne résoudra pas le problème`: the verb is denied, the object is not; but after a copula
      // (`ce n'est pas un succès`) the attribute itself is what the sentence denies.
      const verbFrom = ne >= 0 ? ne : Math.max(negator - 2, 0) - 1;
      const copula = anyBetween(units, verbFrom, negator, negation.copulas) || anyBetween(units, negator, i, negation.copulas);
      if (!copula) return 'object';
    }
    return 'flip';
  }
  if (deniedOpinion(units, i, rules)) return 'flip';
  // `ne` VERB `pas`: the closing negator follows the verb ("je ne m'inquiète pas", "t'inquiète pas").
  const reach = ne >= 0 ? 2 : 1;
  for (let j = i + 1; j <= i + reach && sameClause(units, i, j); j++) {
    const key = units[j].plain;
    if (negation.after.has(key) || (ne >= 0 && negation.afterNe.has(key))) return 'flip';
  }
  return 'none';
}

/** Product of the intensifiers and dampeners just before the hit (stops at another hit). */
function intensity(units: readonly ScoringUnit[], i: number, rules: FrenchRules, isTerm: (unit: ScoringUnit) => boolean): number {
  let factor = 1;
  for (let j = i - 1; j >= i - rules.intensity.window && sameClause(units, i, j); j--) {
    const found = rules.intensity.factors.get(units[j].plain);
    if (found !== undefined) factor *= found;
    else if (isTerm(units[j])) break;
  }
  // `ça m'agace profondément`: an adverb right after the term, unless it leads on to another term (`nul, vraiment nul` is cut by the comma anyway).
  const next = i + 1;
  if (sameClause(units, i, next)) {
    const after = rules.intensity.afterTerm.get(units[next].plain);
    if (after !== undefined && !(sameClause(units, i, next + 1) && isTerm(units[next + 1]))) factor *= after;
  }
  return factor;
}

/** x1.5 after an adversative of the same sentence, x0.5 before one (or before a sentence opening with one). */
function contrast(units: readonly ScoringUnit[], i: number, rules: FrenchRules, facts: Map<number, SentenceFacts>): number {
  const sentence = units[i].sentence;
  for (let j = i - 1; j >= 0 && units[j].sentence === sentence; j--) {
    if ((units[j].roles & ROLE.contrast) !== 0) return rules.contrast.after;
  }
  let j = i + 1;
  for (; j < units.length && units[j].sentence === sentence; j++) {
    if ((units[j].roles & ROLE.contrast) !== 0) return rules.contrast.before;
  }
  const next = j < units.length ? facts.get(units[j].sentence) : undefined;
  if (next !== undefined && (units[next.firstUnit].roles & ROLE.contrast) !== 0) return rules.contrast.before;
  return 1;
}

/** x0.5 inside a concessive clause ("bien que ...", "malgré ..."), up to the clause's end. */
function concession(units: readonly ScoringUnit[], i: number, rules: FrenchRules): number {
  for (let j = i - 1; sameClause(units, i, j); j--) {
    if (rules.concession.markers.has(units[j].plain)) return rules.concession.factor;
  }
  return 1;
}

/**
 * The French rules applied to the lexicon hit at unit `i` of value `base`: negation (with its
 * scope: flip, object, litote), intensifiers and dampeners, contrast, concession, question,
 * emphasis (capitals, `!!`). Each rule that changes the value is named in `rules`. `denied`: the
 * hit is a noun of what is owed (see `lack` in fr-rules.json), denied with or without a determiner.
 */
export function applyRules(
  units: readonly ScoringUnit[],
  i: number,
  base: number,
  rules: FrenchRules,
  facts: Map<number, SentenceFacts>,
  isTerm: (unit: ScoringUnit) => boolean,
  denied = false,
): RuleOutcome {
  let value = base;
  const fired: string[] = [];
  const word = units[i].word;
  if (units[i].quoted) {
    // A word in a short quote is someone else's (or ironic): it does not go through the other rules.
    value = base * (base > 0 ? rules.quotes.positiveFactor : rules.quotes.negativeFactor);
    return { value, clauseValue: value, rules: [base > 0 ? 'scare-quotes' : 'quoted'] };
  }
  const found = word ? negationScope(units, i, rules, facts, isTerm) : 'none';
  // What is owed (`denied`: see `lack` in fr-rules.json) is withheld with or without a determiner: `n'a pas fourni SES explications`.
  const scope = denied && found === 'object' ? 'flip' : found;
  if (scope === 'flip' || (scope === 'rejected' && base > 0)) {
    value *= base > 0 ? rules.negation.factor : rules.negation.negativeFactor;
    // `pas ... du tout`: the denial is stronger.
    if (sameClause(units, i, i + 1) && rules.negation.reinforcers.has(units[i + 1].plain)) value *= rules.negation.reinforcedFactor;
    fired.push('negation');
  } else if (scope === 'object') {
    value *= rules.negation.objectFactor;
    fired.push('negated-verb');
  } else if (scope === 'litote') {
    value *= base > 0 ? rules.negation.litote.positiveFactor : rules.negation.litote.negativeFactor;
    fired.push('litote');
  }
  // In a litote the intensifier is part of the understatement (`pas très bon`), not a booster.
  const scale = word && scope !== 'litote' ? intensity(units, i, rules, isTerm) : 1;
  if (scale !== 1) {
    value *= scale;
    fired.push(scale > 1 ? 'intensifier' : 'dampener');
  }
  const weight = contrast(units, i, rules, facts);
  /** Contrast before an adversative weighs a clause against the next one: it is not part of the clause's own polarity. */
  let clauseWeight = 1;
  if (weight !== 1) {
    value *= weight;
    if (weight > 1) clauseWeight = weight;
    fired.push('contrast');
  }
  const conceded = concession(units, i, rules);
  const hypothetical = units[i].hypothetical ? rules.condition.factor : 1;
  const hearsay = units[i].reported ? rules.reported.factor : 1;
  const weighed = units[i].compared ? rules.preference.factor : 1;
  const intended = units[i].intended ? rules.purpose.factor : 1;
  const granted = conceded * hypothetical * hearsay * weighed * intended;
  if (granted !== 1) {
    value *= granted;
    clauseWeight *= granted;
    if (conceded !== 1) fired.push('concession');
    if (hypothetical !== 1) fired.push('condition');
    if (hearsay !== 1) fired.push('reported');
    if (weighed !== 1) fired.push('preference');
    if (intended !== 1) fired.push('purpose');
  }
  const sentence = facts.get(units[i].sentence);
  let emphasis = 1;
  if (sentence?.question === true) {
    emphasis *= rules.question.factor;
    fired.push('question');
  }
  if (units[i].capitals && sentence !== undefined && !sentence.allCapitals) {
    emphasis *= rules.emphasis.capitals;
    fired.push('emphasis');
  }
  if (sentence?.exclaims === true) {
    emphasis *= rules.emphasis.exclamations;
    if (!fired.includes('emphasis')) fired.push('emphasis');
  }
  value *= emphasis;
  const clauseValue = (value / weight / granted) * clauseWeight;
  return { value, clauseValue, rules: fired };
}
