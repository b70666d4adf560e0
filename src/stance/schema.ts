/**
 * The stance schema of a debate, as data: labels, targets and their surface forms, how sentiment
 * about a target maps to a label, weighted cue phrases, and the discourse file (agreement cues,
 * negators, clause connectors of the language). Loaded from JSON, validated with zod, compiled once
 * into matchers. A validation error names the file, the field path and what is wrong.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ThreadStanceError } from '../errors.js';
import { dataFile } from '../data/locate.js';
import { compilePhrase, foldPlain, PhraseMatcher } from './phrases.js';
import { emojiBase } from './text.js';

/** The default debate: who came out ahead when Sam Altman moved to Microsoft (Nov 2023). */
export const DEFAULT_SCHEMA_FILE = 'altman-microsoft.json';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id (letters, digits, -)');
const weight = z.number().positive().max(10);
const phrases = z.array(z.string().min(1)).min(1);
const polarity = z.enum(['positive', 'negative']);

const labelSchema = z.strictObject({
  id,
  description: z.string().min(1),
  /** A residual label (doubt without taking a side) is discounted when a side is taken. */
  residual: z.strictObject({ whenSided: z.array(id).min(1), factor: z.number().min(0).max(1) }).optional(),
});

const targetSchema = z.strictObject({
  id,
  name: z.string().min(1),
  /** Matched on folded words (case and accents ignored). */
  forms: z.array(z.string().min(1)).default([]),
  /** Matched as written: short forms that collide with common words (`CA` / `ça`, `MS`). */
  caseSensitiveForms: z.array(z.string().regex(/^\S+$/, 'expected one word without spaces')).default([]),
});

const targetStanceSchema = z.strictObject({
  target: id,
  polarity,
  label: id,
  /** Give this evidence to the first of these labels that other signals already support. */
  yieldsTo: z.array(id).default([]),
  weight: weight.optional(),
});

const cueGroupSchema = z
  .strictObject({
    /** Names the argument; a group counts once per comment (and per label for target cues). */
    group: id,
    label: id.optional(),
    polarity: polarity.optional(),
    /** For polarity cues: the label when no target is named in the sentence or paragraph. */
    fallbackLabel: id.optional(),
    /** For label cues: count only when one of these targets is named in the same sentence. */
    near: z.array(id).optional(),
    /**
     * Where `near` looks: the cue's sentence (default), or also, when that sentence names no
     * target, the last target named before it in the paragraph (a pronoun taking it up:
     * "Microsoft a une licence. Ils tiennent les deux bouts").
     */
    nearScope: z.enum(['sentence', 'paragraph']).default('sentence'),
    /**
     * For polarity cues: how far the target may be. `clause` or `sentence` for weak evaluative
     * words ("malin", "nul") that only judge what they stand next to; `paragraph` (the default)
     * also takes the last target named earlier in the paragraph.
     */
    scope: z.enum(['clause', 'sentence', 'paragraph']).default('paragraph'),
    /** For polarity cues: the target must be within this many words, in the same sentence (nearest wins). */
    window: z.number().int().min(1).max(50).optional(),
    /** For polarity cues: use `fallbackLabel` also when the target found has no rule for the polarity. */
    fallbackWithTarget: z.boolean().default(true),
    /** `false`: the phrases already contain their negation ("pas fichu de"), a negator before them changes nothing. */
    negatable: z.boolean().default(true),
    /** For label cues: a negated cue counts for this label ("Microsoft n'a rien gagné" is doubt). */
    negatedLabel: id.optional(),
    /**
     * `true`: praise that is sarcastic when the whole comment reads negative (sentiment stage): the
     * acclaim of "Belle affaire 👍" or "Bravo" set among blame outweighing it is mockery, whatever
     * the words around the cue.
     */
    ironicInNegativeText: z.boolean().default(false),
    weight,
    phrases,
  })
  .refine((g) => (g.label === undefined) !== (g.polarity === undefined), {
    message: 'a cue group needs exactly one of "label" (a fixed label) or "polarity" (resolved through the target)',
  });

const schemaFileSchema = z.strictObject({
  $comment: z.string().optional(),
  name: z.string().min(1),
  description: z.string().min(1),
  language: z.string().min(2),
  /** Discourse data (agreement cues, negators): a file name beside this schema or under src/data/schemas/. */
  discourse: z.string().min(1),
  neutralLabel: id,
  /** Minimum score for a non-neutral label to win over neutral. */
  threshold: weight,
  labels: z.array(labelSchema).min(2),
  targets: z.array(targetSchema).min(1),
  clauseSentimentWeight: z.number().min(0).max(10),
  targetStance: z.array(targetStanceSchema),
  cues: z.array(cueGroupSchema),
  /**
   * Praise made ironic (an irony marker of the discourse file, praise in quotation marks, or praise
   * of an actor the same text mocks): a polarity cue counts with the opposite polarity, a fixed
   * label cue counts for `label` (the label of mockery).
   */
  irony: z.strictObject({ label: id }).optional(),
  /**
   * Optional: the label of a comment (top level or reply) whose own words are negative (sentiment stage), name
   * a target, support no side and do not open with a question: blame or doubt aimed at the actors
   * without a cue word ("Le conseil n'a donné aucune explication, quelle pagaille"). `weight` is added to `label`.
   */
  negativeTone: z.strictObject({ label: id, weight }).optional(),
  inheritance: z.strictObject({ decay: z.number().gt(0).max(1) }),
  disagreement: z.strictObject({
    /** Subtracted (times the parent's confidence) from the parent's label. */
    penalty: z.number().min(0).max(10),
    /** Optional: the label a disagreeing reply without its own cues moves to, per parent label. */
    counterStance: z.record(z.string(), id).default({}),
  }),
});

const agreementCueSchema = z.strictObject({
  group: id,
  /** `none`: words that look like a cue but are not one ("rien à voir avec le sujet" is no rebuttal). */
  effect: z.enum(['agree', 'disagree', 'none']),
  /**
   * `start`: only as the first words of the reply; `opening`: anywhere in its opening sentences;
   * `later`: in its opening sentences but not as its first words (thanks closing a retort,
   * "…, merci bien 😄", are ironic; thanks opening a reply are not).
   */
  position: z.enum(['start', 'opening', 'later']),
  weight,
  /** An agreeing reply without its own stance takes its parent's stance (not for thanks). */
  inherit: z.boolean().default(false),
  /** Counts only when the reply quotes its parent (a quoted sentence followed by a rebuttal). */
  requiresQuote: z.boolean().default(false),
  /**
   * `false`: the cue keeps its weight in any opening sentence. For concessions ("D'accord. En
   * revanche ..."), which come after an acknowledgement and carry the point.
   */
  positionWeighted: z.boolean().default(true),
  /** A bare yes/no: when the parent asks a question, it answers it rather than (dis)agreeing. */
  answersQuestion: z.boolean().default(false),
  /** Laughter: it goes along with the parent, unless the reply also teases it (see `teasing`). */
  laughter: z.boolean().default(false),
  /**
   * A softening laugh (😅): embarrassment, not shared amusement. With `effect: none` it agrees with
   * nothing; in a sentence that addresses the parent (`teasing.secondPerson`) it softens a jab
   * ("c'est grâce à toi 😅") and counts as teasing.
   */
  softener: z.boolean().default(false),
  /**
   * When the parent asks a question, the cue counts only when it opens a sentence: inside a
   * sentence of an answer, `mais` contrasts two parts of the answer, not the answer and the asker.
   */
  opensSentenceInAnswer: z.boolean().default(false),
  phrases,
});

const discourseSchema = z.strictObject({
  $comment: z.string().optional(),
  language: z.string().min(2),
  negators: z.array(z.string().min(1)).min(1),
  /** How many words before a cue are searched for a negator. */
  negationWindow: z.number().int().min(0).max(10),
  clauseConnectors: z.array(z.string().regex(/^\S+$/, 'expected one word')),
  /** Words skipped before a `start` cue (`oh`, `ben`, ...). */
  interjections: z.array(z.string().min(1)),
  /** Pronouns of a left dislocation, skipped like interjections before a `start` cue (`ça, c'est clair`). */
  dislocated: z.array(z.string().min(1)).default([]),
  /** Emoji and words that turn praise in the same sentence into mockery (🙄, 🤡, `/s`). */
  ironyMarkers: z.array(z.string().min(1)).default([]),
  /** Words that end a question asking for agreement rather than information (`non ?`, `hein ?`). */
  questionTags: z.array(z.string().min(1)).default([]),
  agreement: z.strictObject({
    openingSentences: z.number().int().min(1).max(10),
    openingTokens: z.number().int().min(1).max(500),
    /**
     * Weight of a cue by the opening sentence it stands in (first, second, ...; the last value for
     * later ones): the first words of a reply say most about how it takes its parent.
     */
    sentenceWeights: z.array(z.number().min(0).max(1)).min(1).default([1]),
    /** A reply quoting its parent and negating in its opening rebuts it. */
    quotedNegation: z.strictObject({ weight }),
    /**
     * A reply that negates a word its parent used ("une arnaque" → "aucune arnaque") rebuts it:
     * parent words of at least `minLength` letters, up to `window` words after a negator.
     */
    negatedEcho: z.strictObject({ weight, minLength: z.number().int().min(1).max(20), window: z.number().int().min(1).max(10) }).optional(),

    /**
     * Laughter in a reply that puts a question to its parent in the second person ("t'as été payé
     * combien ? 😂") laughs at the parent: the laughter counts as disagreement of this weight.
     * `secondPerson`: folded words addressing the parent (`tu`, `t`, `toi`, `vous`...).
     */
    teasing: z
      .strictObject({
        weight,
        secondPerson: z.array(z.string().min(1)).min(1),
        /**
         * Folded question words that make a second-person sentence a question without its `?`
         * (informal writing: "t'as été payé combien").
         */
        interrogatives: z.array(z.string().min(1)).default([]),
      })
      .optional(),
    /**
     * An eye-roll (🙄, 😒) anywhere in a reply is exasperation with what it answers: disagreement
     * of this weight. `markers`: emoji (matched whatever their skin tone or variation selector).
     */
    exasperation: z.strictObject({ weight, markers: z.array(z.string().min(1)).min(1) }).optional(),
    /**
     * A counter-question: a reply whose first sentence opens on one of `openers` and a determiner
     * of `contrastiveNegation.determiners` and ends with `?` ("Et les salaires, ils sont passés
     * où ?") raises what the parent left out.
     */
    counterQuestion: z.strictObject({ weight, openers: z.array(z.string().min(1)).min(1) }).optional(),
    /**
     * An echo question: a reply whose first sentence is a short question (at most `maxWords`
     * words) taking up a word the parent stated ("Le sauveur de qui ?", "Un coup de génie ?")
     * throws the parent's word back at it. The parent's words are those of `negatedEcho`.
     */
    echoQuestion: z.strictObject({ weight, maxWords: z.number().int().min(1).max(12) }).optional(),
    /**
     * A concession: one of `words` (`oui`) closing a clause after other words ("Pour les
     * actionnaires, oui.", "Gagnant à court terme oui, ...") and followed by more of the reply grants
     * the parent a part to restrict the rest: disagreement of this weight.
     */
    concessiveYes: z.strictObject({ weight, words: z.array(z.string().min(1)).min(1) }).optional(),
    /**
     * A contrastive negation corrects the parent: "deuxième, pas troisième" (a comma, `pas` and
     * one word closing the sentence or clause) or a sentence opening on `pas` and one of
     * `determiners` ("Pas la capacité de ...").
     */
    contrastiveNegation: z.strictObject({ weight, determiners: z.array(z.string().min(1)).min(1) }).optional(),

    /**
     * A reply that shows no agreement with a comment of negative tone (a complaint, a criticism),
     * whatever its own tone, argues against it: read as disagreement from the tones, like
     * opposite tones, so it does not move the reply's stance. Off when absent or false.
     */
    answersCriticism: z.boolean().optional(),
    /**
     * The same for a comment of positive tone (praise, enthusiasm) answered in a neutral tone: a
     * flat reply with no agreement cue mostly argues against it (agreement with praise is said:
     * `+1`, `exactement`, `bien vu`, or shares the warmth). Read as disagreement from the tones,
     * so it does not move the reply's stance. Off when absent or false.
     */
    answersPraise: z.boolean().optional(),
    /** Both replies and parents with a non-neutral stance: same label agrees, another disagrees. */
    stanceAlignment: z.strictObject({ weight }),
    cues: z.array(agreementCueSchema).min(1),
  }),
});

export type StanceSchemaFile = z.infer<typeof schemaFileSchema>;
export type DiscourseFile = z.infer<typeof discourseSchema>;
export type CueGroup = StanceSchemaFile['cues'][number];
export type AgreementCue = DiscourseFile['agreement']['cues'][number];
export type TargetStanceRule = StanceSchemaFile['targetStance'][number];

/** A target found in a text. */
export interface TargetForm {
  target: string;
}

/** The tables built once from a schema, used by every comment. */
export interface StanceTables {
  cues: PhraseMatcher<CueGroup>;
  targets: PhraseMatcher<TargetForm>;
  /** Case-sensitive forms: exact surface word → target id. */
  exactTargets: Map<string, string>;
  /** `target/polarity` → rule. */
  targetRules: Map<string, TargetStanceRule>;
  agreement: PhraseMatcher<AgreementCue>;
  negators: Set<string>;
  /** Folded words skipped before a `start` cue: `interjections` and `dislocated`. */
  interjections: Set<string>;
  clauseConnectors: Set<string>;
  /** Folded irony words, and emoji without skin tone or variation selector. */
  ironyMarkers: Set<string>;
  /** Folded last words of a tag question. */
  questionTags: PhraseMatcher<true>;
  /** Folded words addressing the parent in the second person (`agreement.teasing`). */
  secondPerson: Set<string>;
  /** Folded question words of `agreement.teasing.interrogatives`. */
  interrogatives: Set<string>;
  /** Eye-roll emoji bases of `agreement.exasperation`. */
  exasperationMarkers: Set<string>;
  /** Folded first words of a counter-question (`agreement.counterQuestion`). */
  counterOpeners: Set<string>;
  /** Folded words of `agreement.concessiveYes`. */
  concessionWords: Set<string>;
  /** Folded determiners after a sentence-opening `pas` (`agreement.contrastiveNegation`). */
  contrastDeterminers: Set<string>;
}

/** A loaded, validated and compiled debate schema. */
export interface StanceSchema extends StanceSchemaFile {
  /** Where it was loaded from (empty for schemas built in memory). */
  file: string;
  discourseData: DiscourseFile;
  /** Label ids in schema order (ties are broken in this order). */
  labelIds: string[];
  tables: StanceTables;
}

let defaultSchema: StanceSchema | undefined;

/**
 * Loads, validates and compiles a stance schema. Without `file`, the default Altman/Microsoft
 * debate shipped under `src/data/schemas/` (compiled once, then reused).
 * @throws ThreadStanceError `SCHEMA_NOT_FOUND` when a file cannot be read, `SCHEMA_INVALID` when it
 *   is not JSON or does not follow the schema (the message names the field path).
 */
export function loadSchema(file?: string): StanceSchema {
  if (file === undefined) {
    defaultSchema ??= loadSchemaFile(dataFile('schemas', DEFAULT_SCHEMA_FILE));
    return defaultSchema;
  }
  return loadSchemaFile(file);
}

/**
 * The file `schema` was loaded from by {@link loadSchema} (absolute), or undefined for a schema
 * built otherwise (`parseSchema`, a copy): what another thread loads to have the same schema,
 * since a compiled schema does not cross threads.
 */
export function loadedSchemaFile(schema: StanceSchema): string | undefined {
  return loadedFiles.get(schema);
}

const loadedFiles = new WeakMap<StanceSchema, string>();

function loadSchemaFile(file: string): StanceSchema {
  const json = readJson(file);
  const data = validate(schemaFileSchema, json, file);
  const discourseFile = resolveDiscourse(data.discourse, file);
  const discourse = validate(discourseSchema, readJson(discourseFile), discourseFile);
  const schema = compileSchema(data, discourse, file, discourseFile);
  loadedFiles.set(schema, path.resolve(file));
  return schema;
}

/**
 * Validates and compiles a schema given as values (for tests and for callers that build schemas
 * in memory). `discourse` defaults to the file the schema names under `src/data/schemas/`.
 */
export function parseSchema(json: unknown, file = '<schema>', discourse?: unknown): StanceSchema {
  const data = validate(schemaFileSchema, json, file);
  const discourseFile = discourse === undefined ? resolveDiscourse(data.discourse, file) : '<discourse>';
  const discourseData = validate(discourseSchema, discourse ?? readJson(discourseFile), discourseFile);
  return compileSchema(data, discourseData, file, discourseFile);
}

function resolveDiscourse(name: string, schemaFile: string): string {
  if (schemaFile.startsWith('<')) return dataFile('schemas', name);
  const beside = path.resolve(path.dirname(schemaFile), name);
  try {
    readFileSync(beside);
    return beside;
  } catch {
    return dataFile('schemas', name);
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message);
    throw new ThreadStanceError('SCHEMA_NOT_FOUND', `cannot read stance schema: ${reason}`, { file });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new ThreadStanceError('SCHEMA_INVALID', `stance schema is not valid JSON: ${message}`, { file, line });
  }
}

/** `targets[2].forms` from a zod path. */
export function fieldPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const part of parts) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(top level)';
}

function validate<T>(shape: z.ZodType<T>, json: unknown, file: string): T {
  const result = shape.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const extra = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem(s))` : '';
  throw invalid(file, fieldPath(issue.path), issue.message + extra);
}

function invalid(file: string, field: string, message: string): ThreadStanceError {
  return new ThreadStanceError('SCHEMA_INVALID', `stance schema field ${field}: ${message}`, { file });
}

/** Cross-field checks zod cannot express, then the matchers. */
function compileSchema(data: StanceSchemaFile, discourse: DiscourseFile, file: string, discourseFile: string): StanceSchema {
  const labelIds = data.labels.map((l) => l.id);
  const labels = new Set<string>();
  data.labels.forEach((label, i) => {
    if (labels.has(label.id)) throw invalid(file, `labels[${i}].id`, `duplicate label "${label.id}"`);
    labels.add(label.id);
  });
  const checkLabel = (value: string, field: string): void => {
    if (!labels.has(value)) throw invalid(file, field, `unknown label "${value}" (labels: ${labelIds.join(', ')})`);
  };
  checkLabel(data.neutralLabel, 'neutralLabel');
  data.labels.forEach((label, i) => label.residual?.whenSided.forEach((l, k) => checkLabel(l, `labels[${i}].residual.whenSided[${k}]`)));

  const targetIds = new Set<string>();
  const targets = new PhraseMatcher<TargetForm>();
  const exactTargets = new Map<string, string>();
  data.targets.forEach((target, i) => {
    if (targetIds.has(target.id)) throw invalid(file, `targets[${i}].id`, `duplicate target "${target.id}"`);
    targetIds.add(target.id);
    if (target.forms.length + target.caseSensitiveForms.length === 0) {
      throw invalid(file, `targets[${i}].forms`, 'a target needs at least one form');
    }
    target.forms.forEach((form, k) => targets.add(compiled(form, file, `targets[${i}].forms[${k}]`), { target: target.id }));
    target.caseSensitiveForms.forEach((form) => exactTargets.set(form, target.id));
  });
  const checkTarget = (value: string, field: string): void => {
    if (!targetIds.has(value)) throw invalid(file, field, `unknown target "${value}" (targets: ${[...targetIds].join(', ')})`);
  };

  const targetRules = new Map<string, TargetStanceRule>();
  data.targetStance.forEach((rule, i) => {
    checkTarget(rule.target, `targetStance[${i}].target`);
    checkLabel(rule.label, `targetStance[${i}].label`);
    rule.yieldsTo.forEach((l, k) => checkLabel(l, `targetStance[${i}].yieldsTo[${k}]`));
    const key = `${rule.target}/${rule.polarity}`;
    if (targetRules.has(key)) throw invalid(file, `targetStance[${i}]`, `a second rule for ${rule.target} ${rule.polarity}`);
    targetRules.set(key, rule);
  });

  const cues = new PhraseMatcher<CueGroup>();
  // One phrase, one group: the matcher finds one entry per position, so a second would never fire.
  const cueOwner = new Map<string, string>();
  data.cues.forEach((group, i) => {
    if (group.label !== undefined) checkLabel(group.label, `cues[${i}].label`);
    if (group.fallbackLabel !== undefined) checkLabel(group.fallbackLabel, `cues[${i}].fallbackLabel`);
    if (group.negatedLabel !== undefined) checkLabel(group.negatedLabel, `cues[${i}].negatedLabel`);
    group.near?.forEach((t, k) => checkTarget(t, `cues[${i}].near[${k}]`));
    group.phrases.forEach((phrase, k) => {
      const field = `cues[${i}].phrases[${k}]`;
      const patterns = compiled(phrase, file, field);
      claim(cueOwner, patterns, group.group, file, field, phrase);
      cues.add(patterns, group);
    });
  });
  if (data.irony) checkLabel(data.irony.label, 'irony.label');
  if (data.negativeTone) checkLabel(data.negativeTone.label, 'negativeTone.label');
  for (const [parentLabel, counter] of Object.entries(data.disagreement.counterStance)) {
    checkLabel(parentLabel, `disagreement.counterStance.${parentLabel}`);
    checkLabel(counter, `disagreement.counterStance.${parentLabel}`);
  }

  const agreement = new PhraseMatcher<AgreementCue>();
  const agreementOwner = new Map<string, string>();
  discourse.agreement.cues.forEach((cue, i) =>
    cue.phrases.forEach((phrase, k) => {
      const field = `agreement.cues[${i}].phrases[${k}]`;
      const patterns = compiled(phrase, discourseFile, field);
      claim(agreementOwner, patterns, cue.group, discourseFile, field, phrase);
      agreement.add(patterns, cue);
    }),
  );

  return {
    ...data,
    file,
    discourseData: discourse,
    labelIds,
    tables: {
      cues,
      targets,
      exactTargets,
      targetRules,
      agreement,
      negators: new Set(discourse.negators.map(foldPlain)),
      // A dislocated `ça` stands before a start cue as an interjection does (`ça c'est clair`).
      interjections: new Set([...discourse.interjections, ...discourse.dislocated].map(foldPlain)),
      clauseConnectors: new Set(discourse.clauseConnectors.map(foldPlain)),
      ironyMarkers: new Set(discourse.ironyMarkers.map((m) => emojiBase(foldPlain(m)))),
      questionTags: tagMatcher(discourse.questionTags, discourseFile),
      secondPerson: new Set((discourse.agreement.teasing?.secondPerson ?? []).map(foldPlain)),
      interrogatives: new Set((discourse.agreement.teasing?.interrogatives ?? []).map(foldPlain)),
      exasperationMarkers: new Set((discourse.agreement.exasperation?.markers ?? []).map((m) => emojiBase(foldPlain(m)))),
      counterOpeners: new Set((discourse.agreement.counterQuestion?.openers ?? []).map(foldPlain)),
      concessionWords: new Set((discourse.agreement.concessiveYes?.words ?? []).map(foldPlain)),
      contrastDeterminers: new Set((discourse.agreement.contrastiveNegation?.determiners ?? []).map(foldPlain)),
    },
  };
}

/** Records that `group` owns a phrase, or reports the group that already does. */
function claim(owners: Map<string, string>, patterns: ReturnType<typeof compiled>, group: string, file: string, field: string, phrase: string): void {
  const key = patterns.map((p) => (p.kind === 'any' ? '_' : p.kind === 'prefix' ? `${p.value}*` : p.value)).join(' ');
  const owner = owners.get(key);
  if (owner !== undefined) throw invalid(file, field, `"${phrase}" is already a phrase of group "${owner}"`);
  owners.set(key, group);
}

function tagMatcher(tags: readonly string[], file: string): PhraseMatcher<true> {
  const matcher = new PhraseMatcher<true>();
  tags.forEach((tag, i) => matcher.add(compiled(tag, file, `questionTags[${i}]`), true));
  return matcher;
}

function compiled(phrase: string, file: string, field: string): Exclude<ReturnType<typeof compilePhrase>, string> {
  const patterns = compilePhrase(phrase);
  if (typeof patterns === 'string') throw invalid(file, field, patterns);
  return patterns;
}
