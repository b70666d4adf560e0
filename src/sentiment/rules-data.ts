import fs from 'node:fs';
import { dataFile } from '../data/locate.js';
import { foldAccents, phraseKeys } from '../nlp/index.js';

interface RulesFile {
  negation: {
    window: number;
    factor: number;
    negativeFactor: number;
    before: string[];
    afterNe: string[];
    ne: string[];
    after: string[];
    predicateVerbs: string[];
    adjacent: string[];
    objectNegators: string[];
    determiners: string[];
    copulas: string[];
    objectFactor: number;
    litote: { intensifiers: string[]; positiveFactor: number; negativeFactor: number };
    invertedPronouns: string[];
    opinionVerbs: string[];
    reinforcers: string[];
    reinforcedFactor: number;
  };
  question: { factor: number };
  intensity: { window: number; factors: Record<string, number>; afterTerm: Record<string, number> };
  lexicalRole: { intensifierBeforeTerm: string[]; onlyAtClauseEnd: string[]; pronounBeforeNe: string[] };
  contrast: { after: number; before: number; markers: string[] };
  concession: { factor: number; markers: string[] };
  condition: { factor: number; markers: string[]; subjects: string[] };
  reported: { factor: number; verbs: string[]; ownSubjects: string[]; conjunctions: string[] };
  preference: { factor: number; markers: string[] };
  emphasis: { capitals: number; exclamations: number };
  irony: { laughter: string[]; derisionBelow: number; rebuttalOpeners: string[] };
  report: { factor: number; sources: string[]; ownSources: string[] };
  openingAct: { factor: number; thanks: string[]; regret: string[]; sarcasticNext: string[] };
  sarcasm: { markers: string[]; ellipsis: string[]; praise: string[]; exclamations: string[]; interjections: string[]; addressed: string[]; shortExclamation: number; factor: number };
  rhetoricalQuestion: { openers: string[]; alone: string[]; lead: string[]; value: number };
  exasperation: { openers: string[]; except: string[]; lead: string[]; value: number };
  quotes: { maxWords: number; positiveFactor: number; negativeFactor: number };
  english: { minimum: number; englishWords: string[]; frenchWords: string[] };
  privation: { words: string[]; links: string[] };
  cessation: { verbs: string[] };
  subjectNegation: { subjects: string[]; superlativeVerbs: string[] };
  lack: { base: number; nouns: string[]; needs: string[] };
  discourse: { openers: string[]; lead: string[]; followers: string[] };
  purpose: { factor: number; markers: string[]; clitics: string[]; accomplished: string[] };
}

/** The rule words of `fr-rules.json`, as unit keys (multi-word markers joined like expressions). */
export interface FrenchRules {
  negation: {
    window: number;
    factor: number;
    negativeFactor: number;
    before: Set<string>;
    afterNe: Set<string>;
    ne: Set<string>;
    after: Set<string>;
    predicateVerbs: Set<string>;
    adjacent: Set<string>;
    /** Negators of a verb, whose scope stops at a determiner (`pas`, `jamais`, `plus`). */
    objectNegators: Set<string>;
    determiners: Set<string>;
    copulas: Set<string>;
    objectFactor: number;
    litote: { intensifiers: Set<string>; positiveFactor: number; negativeFactor: number };
    /** Subject pronouns after the hyphen of an inverted verb (`est-ce`, `serait-il`). */
    invertedPronouns: Set<string>;
    /** Opinion verbs and adjectives whose negation before `que` denies the clause that follows (`je ne pense pas que`). */
    opinionVerbs: Set<string>;
    /** Words after a negated word that strengthen the denial (`du tout`). */
    reinforcers: Set<string>;
    reinforcedFactor: number;
  };
  question: { factor: number };
  /** `factors` before a term; `afterTerm` right after a verb (`ça m'agace profondément`). */
  intensity: { window: number; factors: Map<string, number>; afterTerm: Map<string, number> };
  intensifierBeforeTerm: Set<string>;
  onlyAtClauseEnd: Set<string>;
  pronounBeforeNe: Set<string>;
  contrast: { after: number; before: number; markers: Set<string> };
  concession: { factor: number; markers: Set<string> };
  /** `si` + subject opens a hypothesis: its terms are not asserted (see `condition` in fr-rules.json). */
  condition: { factor: number; markers: Set<string>; subjects: Set<string> };
  /** A `que` clause after a verb of saying or thinking whose subject is not the writer: reported words (see `reported` in fr-rules.json). */
  reported: { factor: number; verbs: Set<string>; ownSubjects: Set<string>; conjunctions: Set<string> };
  /** A preference weighs alternatives against each other (see `preference` in fr-rules.json). */
  preference: { factor: number; markers: Set<string> };
  emphasis: { capitals: number; exclamations: number };
  laughter: Set<string>;
  /** Laughter turns derisive when the hits of its sentence and the one before sum below this. */
  derisionBelow: number;
  /** Openers of a rebuttal (`sauf que`): laughter in a text opening with one mocks the one answered. */
  rebuttalOpeners: string[][];
  /** Sentences that name a source (`selon`, `officiellement`; see `report` in fr-rules.json). */
  report: { factor: number; sources: Set<string>; ownSources: Set<string> };
  /** Thanks or regret opening a text (see `openingAct` in fr-rules.json). */
  openingAct: { factor: number; thanks: Set<string>; regret: Set<string>; sarcasticNext: Set<string> };
  /** Ironic praise (see `sarcasm` in fr-rules.json). */
  sarcasm: {
    /** Irony emoji (🙄 😏): the positive words of their sentence are not meant. */
    markers: Set<string>;
    ellipsis: Set<string>;
    /** Praise that sarcasm likes to use (`bravo`, `génial`, `merci`), as unit keys. */
    praise: Set<string>;
    /** Exclamatory praise that, after criticism, concludes it ironically (`Bravo.`, `Chapeau !`). */
    exclamations: Set<string>;
    /** Disappointed interjections that make the exclamation right after them ironic (`bah bravo`). */
    interjections: Set<string>;
    /** Articles that address an exclamation to a target (`Bravo la direction`): ironic when the text criticises. */
    addressed: Set<string>;
    /** A sentence of at most this many words is a verbless exclamation: its praise concludes what precedes it, as `Bravo.` does. */
    shortExclamation: number;
    factor: number;
  };
  /** Questions that expect no answer (`qui va acheter ça ?`): openers as unit-key sequences. */
  rhetoricalQuestion: {
    /** Openers as accent-folded token keys (`qui`, `va`, `acheter`); joined by `-` they also match an opener read as one expression unit (`c'-est-une-blague`). */
    openers: string[][];
    alone: Set<string>;
    lead: Set<string>;
    value: number;
  };
  /** Sentences opening with `encore un ...`, `toujours pas ...`: openers and exceptions as accent-folded token keys. */
  exasperation: { openers: string[][]; except: string[][]; lead: Set<string>; value: number };
  /** Words between quotation marks, in a quote this short, are mentioned, not used. */
  quotes: { maxWords: number; positiveFactor: number; negativeFactor: number };
  english: { minimum: number; englishWords: Set<string>; frenchWords: Set<string> };
  /** Words of lack or loss that deny what follows their `de` like `sans` (`manque de courage`; see `privation` in fr-rules.json). */
  privation: { words: Set<string>; links: Set<string> };
  /** Verbs of stopping whose `de` rejects what follows (`arrêtez d'admirer`; see `cessation` in fr-rules.json). */
  cessation: { verbs: Set<string> };
  /** Negative pronouns that negate their verb as subjects (`personne n'a aimé`; see `subjectNegation` in fr-rules.json). */
  subjectNegation: { subjects: Set<string>; superlativeVerbs: Set<string> };
  /** Nouns of what is owed, a reproach when denied (`aucune réponse`; see `lack` in fr-rules.json). */
  lack: { base: number; nouns: Set<string>; needs: Set<string> };
  /** `bon` as a discourse marker opening a sentence (`Bon, on verra`; see `discourse` in fr-rules.json). */
  discourse: { openers: Set<string>; lead: Set<string>; followers: Set<string> };
  /** `pour` + infinitive states a goal, not a result (see `purpose` in fr-rules.json). */
  purpose: { factor: number; markers: Set<string>; clitics: Set<string>; accomplished: Set<string> };
  /** Multi-word rule markers (`en revanche`, `un peu`): the lexicon matches them as units. */
  markerPhrases: string[];
}

/** The unit key of a rule word or phrase: its token keys joined as expressions are. */
function unitKey(phrase: string): string {
  return phraseKeys(phrase).join('-');
}

/**
 * A set of rule words with their forms written without accents (`très` and `tres`, `déjà` and
 * `deja`): online French drops accents on rule words as on any other. A form of one letter is
 * left out (`à` would become the verb `a`).
 */
function withUnaccented(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const word of words) {
    out.add(word);
    const plain = foldAccents(word);
    if (plain.length > 1) out.add(plain);
  }
  return out;
}

let rules: FrenchRules | undefined;

/** Loads `fr-rules.json` once per process. */
export function frenchRules(): FrenchRules {
  if (rules !== undefined) return rules;
  const file = JSON.parse(fs.readFileSync(dataFile('lexicons', 'fr-rules.json'), 'utf8')) as RulesFile;
  const keys = (words: string[]): Set<string> => withUnaccented(words.map(unitKey));
  const factors = new Map<string, number>();
  for (const [word, factor] of Object.entries(file.intensity.factors)) {
    const key = unitKey(word);
    factors.set(key, factor);
    if (!factors.has(foldAccents(key))) factors.set(foldAccents(key), factor);
  }
  const afterTerm = new Map<string, number>();
  for (const [word, factor] of Object.entries(file.intensity.afterTerm)) {
    const key = unitKey(word);
    afterTerm.set(key, factor);
    if (!afterTerm.has(foldAccents(key))) afterTerm.set(foldAccents(key), factor);
  }
  const markerPhrases = [...Object.keys(file.intensity.afterTerm), ...Object.keys(file.intensity.factors), ...file.negation.reinforcers, ...file.contrast.markers, ...file.concession.markers, ...file.sarcasm.praise, ...file.sarcasm.interjections, ...file.preference.markers, ...file.purpose.markers].filter((word) =>
    word.includes(' '),
  );
  rules = {
    negation: {
      window: file.negation.window,
      factor: file.negation.factor,
      negativeFactor: file.negation.negativeFactor,
      before: keys(file.negation.before),
      afterNe: keys(file.negation.afterNe),
      ne: withUnaccented(file.negation.ne),
      after: keys(file.negation.after),
      predicateVerbs: keys(file.negation.predicateVerbs),
      adjacent: keys(file.negation.adjacent),
      objectNegators: keys(file.negation.objectNegators),
      determiners: withUnaccented(file.negation.determiners),
      copulas: keys(file.negation.copulas),
      objectFactor: file.negation.objectFactor,
      litote: {
        intensifiers: keys(file.negation.litote.intensifiers),
        positiveFactor: file.negation.litote.positiveFactor,
        negativeFactor: file.negation.litote.negativeFactor,
      },
      invertedPronouns: withUnaccented(file.negation.invertedPronouns),
      opinionVerbs: withUnaccented(file.negation.opinionVerbs),
      reinforcers: keys(file.negation.reinforcers),
      reinforcedFactor: file.negation.reinforcedFactor,
    },
    question: file.question,
    intensity: { window: file.intensity.window, factors, afterTerm },
    intensifierBeforeTerm: keys(file.lexicalRole.intensifierBeforeTerm),
    onlyAtClauseEnd: keys(file.lexicalRole.onlyAtClauseEnd),
    pronounBeforeNe: keys(file.lexicalRole.pronounBeforeNe),
    contrast: { after: file.contrast.after, before: file.contrast.before, markers: keys(file.contrast.markers) },
    concession: { factor: file.concession.factor, markers: keys(file.concession.markers) },
    condition: { factor: file.condition.factor, markers: new Set(file.condition.markers), subjects: withUnaccented(file.condition.subjects) },
    reported: {
      factor: file.reported.factor,
      verbs: withUnaccented(file.reported.verbs),
      ownSubjects: new Set(file.reported.ownSubjects),
      conjunctions: new Set(file.reported.conjunctions),
    },
    preference: { factor: file.preference.factor, markers: keys(file.preference.markers) },
    emphasis: file.emphasis,
    laughter: new Set(file.irony.laughter),
    derisionBelow: file.irony.derisionBelow,
    rebuttalOpeners: file.irony.rebuttalOpeners.map((phrase) => phraseKeys(phrase).map(foldAccents)),
    openingAct: {
      factor: file.openingAct.factor,
      thanks: withUnaccented(file.openingAct.thanks),
      regret: withUnaccented(file.openingAct.regret),
      sarcasticNext: new Set(file.openingAct.sarcasticNext),
    },
    report: { factor: file.report.factor, sources: withUnaccented(file.report.sources), ownSources: new Set(file.report.ownSources) },
    sarcasm: {
      markers: new Set(file.sarcasm.markers),
      ellipsis: new Set(file.sarcasm.ellipsis),
      praise: keys(file.sarcasm.praise),
      exclamations: keys(file.sarcasm.exclamations),
      interjections: keys(file.sarcasm.interjections),
      addressed: withUnaccented(file.sarcasm.addressed),
      shortExclamation: file.sarcasm.shortExclamation,
      factor: file.sarcasm.factor,
    },
    rhetoricalQuestion: {
      openers: file.rhetoricalQuestion.openers.map((phrase) => phraseKeys(phrase).map(foldAccents)),
      alone: keys(file.rhetoricalQuestion.alone),
      lead: keys(file.rhetoricalQuestion.lead),
      value: file.rhetoricalQuestion.value,
    },
    exasperation: {
      openers: file.exasperation.openers.map((phrase) => phraseKeys(phrase).map(foldAccents)),
      except: file.exasperation.except.map((phrase) => phraseKeys(phrase).map(foldAccents)),
      lead: keys(file.exasperation.lead),
      value: file.exasperation.value,
    },
    quotes: file.quotes,
    english: { minimum: file.english.minimum, englishWords: new Set(file.english.englishWords), frenchWords: new Set(file.english.frenchWords) },
    privation: { words: withUnaccented(file.privation.words), links: new Set(file.privation.links) },
    cessation: { verbs: withUnaccented(file.cessation.verbs) },
    subjectNegation: { subjects: new Set(file.subjectNegation.subjects), superlativeVerbs: withUnaccented(file.subjectNegation.superlativeVerbs) },
    lack: { base: file.lack.base, nouns: withUnaccented(file.lack.nouns), needs: new Set(file.lack.needs) },
    purpose: { factor: file.purpose.factor, markers: keys(file.purpose.markers), clitics: new Set(file.purpose.clitics), accomplished: withUnaccented(file.purpose.accomplished) },
    discourse: { openers: new Set(file.discourse.openers), lead: withUnaccented(file.discourse.lead), followers: withUnaccented(file.discourse.followers) },
    markerPhrases,
  };
  return rules;
}
