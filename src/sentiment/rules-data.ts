import fs from 'node:fs';
import { dataFile } from '../data/locate.js';
import { readFrench } from '../nlp/index.js';

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
  };
  question: { factor: number };
  intensity: { window: number; factors: Record<string, number> };
  lexicalRole: { intensifierBeforeTerm: string[]; onlyAtClauseEnd: string[]; pronounBeforeNe: string[] };
  contrast: { after: number; before: number; markers: string[] };
  concession: { factor: number; markers: string[] };
  emphasis: { capitals: number; exclamations: number };
  irony: { laughter: string[] };
  english: { minimum: number; englishWords: string[]; frenchWords: string[] };
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
  };
  question: { factor: number };
  intensity: { window: number; factors: Map<string, number> };
  intensifierBeforeTerm: Set<string>;
  onlyAtClauseEnd: Set<string>;
  pronounBeforeNe: Set<string>;
  contrast: { after: number; before: number; markers: Set<string> };
  concession: { factor: number; markers: Set<string> };
  emphasis: { capitals: number; exclamations: number };
  laughter: Set<string>;
  english: { minimum: number; englishWords: Set<string>; frenchWords: Set<string> };
  /** Multi-word rule markers (`en revanche`, `un peu`): the lexicon matches them as units. */
  markerPhrases: string[];
}

/** The unit key of a rule word or phrase: its token keys joined as expressions are. */
function unitKey(phrase: string): string {
  return readFrench(phrase).tokens.map((token) => token.key).join('-');
}

let rules: FrenchRules | undefined;

/** Loads `fr-rules.json` once per process. */
export function frenchRules(): FrenchRules {
  if (rules !== undefined) return rules;
  const file = JSON.parse(fs.readFileSync(dataFile('lexicons', 'fr-rules.json'), 'utf8')) as RulesFile;
  const keys = (words: string[]): Set<string> => new Set(words.map(unitKey));
  const factors = new Map(Object.entries(file.intensity.factors).map(([word, factor]) => [unitKey(word), factor]));
  const markerPhrases = [...Object.keys(file.intensity.factors), ...file.contrast.markers, ...file.concession.markers].filter((word) =>
    word.includes(' '),
  );
  rules = {
    negation: {
      window: file.negation.window,
      factor: file.negation.factor,
      negativeFactor: file.negation.negativeFactor,
      before: keys(file.negation.before),
      afterNe: keys(file.negation.afterNe),
      ne: new Set(file.negation.ne),
      after: keys(file.negation.after),
      predicateVerbs: keys(file.negation.predicateVerbs),
      adjacent: keys(file.negation.adjacent),
      objectNegators: keys(file.negation.objectNegators),
      determiners: new Set(file.negation.determiners),
      copulas: keys(file.negation.copulas),
      objectFactor: file.negation.objectFactor,
      litote: {
        intensifiers: keys(file.negation.litote.intensifiers),
        positiveFactor: file.negation.litote.positiveFactor,
        negativeFactor: file.negation.litote.negativeFactor,
      },
      invertedPronouns: new Set(file.negation.invertedPronouns),
      opinionVerbs: new Set(file.negation.opinionVerbs),
    },
    question: file.question,
    intensity: { window: file.intensity.window, factors },
    intensifierBeforeTerm: keys(file.lexicalRole.intensifierBeforeTerm),
    onlyAtClauseEnd: keys(file.lexicalRole.onlyAtClauseEnd),
    pronounBeforeNe: keys(file.lexicalRole.pronounBeforeNe),
    contrast: { after: file.contrast.after, before: file.contrast.before, markers: keys(file.contrast.markers) },
    concession: { factor: file.concession.factor, markers: keys(file.concession.markers) },
    emphasis: file.emphasis,
    laughter: new Set(file.irony.laughter),
    english: { minimum: file.english.minimum, englishWords: new Set(file.english.englishWords), frenchWords: new Set(file.english.frenchWords) },
    markerPhrases,
  };
  return rules;
}
