/**
 * The "measured quality" tables of the README: the analyzer evaluated against every hand-labelled
 * thread bundled with the project, one row per thread, and the threads labelled by two coders
 * (coder against coder, next to the analyzer against each). A test compares the README's tables
 * with these functions' output, so the published numbers cannot drift from what the code does.
 */
import fs from 'node:fs';
import type { AnalyzedThread } from '../model.js';
import { analyzeText } from '../pipeline.js';
import { loadSchema } from '../stance/index.js';
import { compareCoders, type CodedField, type CoderComparison } from './compare-coders.js';
import { evaluateThread, type EvaluationReport, type LabelField } from './compare.js';
import { parseGold, type GoldRecord } from './gold.js';
import type { ClassificationMetrics } from './metrics.js';
import { baselineMacroF1, englishBaseline, plainFrenchBaseline } from './baselines.js';
import { scoreSentiment } from '../sentiment/index.js';
import { trainLabelModels, type LabelledThread } from '../learn/train.js';

/** One labelled thread, and what it may tell: `seed` and `development` sets were used to write the rules and train the label models. */
export interface QualitySet {
  /** How the README names the thread. */
  name: string;
  /** `seed`, `development`, or `blind` (never looked at while writing rules, never trained on). */
  role: 'seed' | 'development' | 'blind';
  input: string;
  gold: string;
  /** A second coder's independent labels of the same thread, if any (see {@link CODER_PAIRS}). */
  secondCoder?: string;
}

/** The labelled threads of the repository, paths relative to the package root. */
export const BUNDLED_SETS: readonly QualitySet[] = [
  { name: 'MacG seed thread (48)', role: 'seed', input: 'corpus/macg-altman-microsoft-comments.txt', gold: '__tests__/fixtures/macg-altman-microsoft.gold.jsonl', secondCoder: '__tests__/fixtures/macg-altman-microsoft.coder2.jsonl' },
  { name: 'dev-blind altman-thread (60)', role: 'development', input: '__tests__/fixtures/dev-blind/altman-thread.txt', gold: '__tests__/fixtures/dev-blind/altman-thread.gold.jsonl' },
  { name: 'dev-blind apple-thread (40)', role: 'development', input: '__tests__/fixtures/dev-blind/apple-thread.txt', gold: '__tests__/fixtures/dev-blind/apple-thread.gold.jsonl' },
  { name: 'dev-blind-2 altman-forum (50)', role: 'development', input: '__tests__/fixtures/dev-blind-2/altman-forum.txt', gold: '__tests__/fixtures/dev-blind-2/altman-forum.gold.jsonl' },
  { name: 'dev-blind-2 teletravail (40)', role: 'development', input: '__tests__/fixtures/dev-blind-2/teletravail.txt', gold: '__tests__/fixtures/dev-blind-2/teletravail.gold.jsonl' },
  { name: 'heldout altman-press (50)', role: 'development', input: '__tests__/fixtures/heldout/altman-press.txt', gold: '__tests__/fixtures/heldout/altman-press.gold.jsonl' },
  { name: 'heldout jeux-video (40)', role: 'development', input: '__tests__/fixtures/heldout/jeux-video.txt', gold: '__tests__/fixtures/heldout/jeux-video.gold.jsonl' },
  { name: 'heldout-2 altman-lemonde (50)', role: 'development', input: '__tests__/fixtures/heldout-2/altman-lemonde.txt', gold: '__tests__/fixtures/heldout-2/altman-lemonde.gold.jsonl' },
  { name: 'heldout-2 trottinettes (40)', role: 'development', input: '__tests__/fixtures/heldout-2/trottinettes.txt', gold: '__tests__/fixtures/heldout-2/trottinettes.gold.jsonl' },
  { name: 'dev-3 altman-generaliste (50)', role: 'development', input: '__tests__/fixtures/dev-3/altman-generaliste.txt', gold: '__tests__/fixtures/dev-3/altman-generaliste.gold.jsonl', secondCoder: '__tests__/fixtures/dev-3/altman-generaliste.coder2.jsonl' },
  { name: 'dev-3 smartphone-maj (40)', role: 'development', input: '__tests__/fixtures/dev-3/smartphone-maj.txt', gold: '__tests__/fixtures/dev-3/smartphone-maj.gold.jsonl' },
  { name: 'heldout-3 altman-tech (50)', role: 'development', input: '__tests__/fixtures/heldout-3/altman-tech.txt', gold: '__tests__/fixtures/heldout-3/altman-tech.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-3/altman-tech.coder2.jsonl' },
  { name: 'heldout-3 streaming-prix (40)', role: 'development', input: '__tests__/fixtures/heldout-3/streaming-prix.txt', gold: '__tests__/fixtures/heldout-3/streaming-prix.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-3/streaming-prix.coder2.jsonl' },
  { name: 'heldout-4 altman-eco (50)', role: 'development', input: '__tests__/fixtures/heldout-4/altman-eco.txt', gold: '__tests__/fixtures/heldout-4/altman-eco.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-4/altman-eco.coder2.jsonl' },
  { name: 'heldout-4 ligne-train (40)', role: 'development', input: '__tests__/fixtures/heldout-4/ligne-train.txt', gold: '__tests__/fixtures/heldout-4/ligne-train.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-4/ligne-train.coder2.jsonl' },
  { name: 'heldout-5 altman-regional (50)', role: 'development', input: '__tests__/fixtures/heldout-5/altman-regional.txt', gold: '__tests__/fixtures/heldout-5/altman-regional.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-5/altman-regional.coder2.jsonl' },
  { name: 'heldout-5 eclairage-nuit (40)', role: 'development', input: '__tests__/fixtures/heldout-5/eclairage-nuit.txt', gold: '__tests__/fixtures/heldout-5/eclairage-nuit.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-5/eclairage-nuit.coder2.jsonl' },
  { name: 'heldout-6 altman-jeux (50)', role: 'development', input: '__tests__/fixtures/heldout-6/altman-jeux.txt', gold: '__tests__/fixtures/heldout-6/altman-jeux.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-6/altman-jeux.coder2.jsonl' },
  { name: 'heldout-6 transports-gratuits (40)', role: 'development', input: '__tests__/fixtures/heldout-6/transports-gratuits.txt', gold: '__tests__/fixtures/heldout-6/transports-gratuits.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-6/transports-gratuits.coder2.jsonl' },
  { name: 'heldout-7 altman-tech (50)', role: 'development', input: '__tests__/fixtures/heldout-7/altman-tech.txt', gold: '__tests__/fixtures/heldout-7/altman-tech.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-7/altman-tech.coder2.jsonl' },
  { name: 'heldout-7 caisses-auto (40)', role: 'development', input: '__tests__/fixtures/heldout-7/caisses-auto.txt', gold: '__tests__/fixtures/heldout-7/caisses-auto.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-7/caisses-auto.coder2.jsonl' },
  { name: 'heldout-8 altman-bourse (50)', role: 'development', input: '__tests__/fixtures/heldout-8/altman-bourse.txt', gold: '__tests__/fixtures/heldout-8/altman-bourse.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-8/altman-bourse.coder2.jsonl' },
  { name: 'heldout-8 portable-college (40)', role: 'development', input: '__tests__/fixtures/heldout-8/portable-college.txt', gold: '__tests__/fixtures/heldout-8/portable-college.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-8/portable-college.coder2.jsonl' },
  { name: 'heldout-9 altman-reddit (50)', role: 'development', input: '__tests__/fixtures/heldout-9/altman-reddit.txt', gold: '__tests__/fixtures/heldout-9/altman-reddit.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-9/altman-reddit.coder2.jsonl' },
  { name: 'heldout-9 velo-ville (40)', role: 'development', input: '__tests__/fixtures/heldout-9/velo-ville.txt', gold: '__tests__/fixtures/heldout-9/velo-ville.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-9/velo-ville.coder2.jsonl' },
  { name: 'heldout-10 altman-tv (50)', role: 'development', input: '__tests__/fixtures/heldout-10/altman-tv.txt', gold: '__tests__/fixtures/heldout-10/altman-tv.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-10/altman-tv.coder2.jsonl' },
  { name: 'heldout-10 cantine-prix (40)', role: 'development', input: '__tests__/fixtures/heldout-10/cantine-prix.txt', gold: '__tests__/fixtures/heldout-10/cantine-prix.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-10/cantine-prix.coder2.jsonl' },
  { name: 'heldout-11 altman-hebdo (50)', role: 'development', input: '__tests__/fixtures/heldout-11/altman-hebdo.txt', gold: '__tests__/fixtures/heldout-11/altman-hebdo.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-11/altman-hebdo.coder2.jsonl' },
  { name: 'heldout-11 zone-30 (40)', role: 'development', input: '__tests__/fixtures/heldout-11/zone-30.txt', gold: '__tests__/fixtures/heldout-11/zone-30.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-11/zone-30.coder2.jsonl' },
  { name: 'heldout-12 altman-sciences (50)', role: 'development', input: '__tests__/fixtures/heldout-12/altman-sciences.txt', gold: '__tests__/fixtures/heldout-12/altman-sciences.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-12/altman-sciences.coder2.jsonl' },
  { name: 'heldout-12 eoliennes (40)', role: 'development', input: '__tests__/fixtures/heldout-12/eoliennes.txt', gold: '__tests__/fixtures/heldout-12/eoliennes.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-12/eoliennes.coder2.jsonl' },
  { name: 'heldout-12 altman-startup (50)', role: 'development', input: '__tests__/fixtures/heldout-12/altman-startup.txt', gold: '__tests__/fixtures/heldout-12/altman-startup.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-12/altman-startup.coder2.jsonl' },
  { name: 'heldout-12 prix-carburant (40)', role: 'development', input: '__tests__/fixtures/heldout-12/prix-carburant.txt', gold: '__tests__/fixtures/heldout-12/prix-carburant.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-12/prix-carburant.coder2.jsonl' },
  { name: 'heldout-13 altman-libre (50)', role: 'development', input: '__tests__/fixtures/heldout-13/altman-libre.txt', gold: '__tests__/fixtures/heldout-13/altman-libre.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-13/altman-libre.coder2.jsonl' },
  { name: 'heldout-13 maternite (40)', role: 'development', input: '__tests__/fixtures/heldout-13/maternite.txt', gold: '__tests__/fixtures/heldout-13/maternite.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-13/maternite.coder2.jsonl' },
  { name: 'heldout-13 altman-radio (50)', role: 'development', input: '__tests__/fixtures/heldout-13/altman-radio.txt', gold: '__tests__/fixtures/heldout-13/altman-radio.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-13/altman-radio.coder2.jsonl' },
  { name: 'heldout-13 semaine-4-jours (40)', role: 'development', input: '__tests__/fixtures/heldout-13/semaine-4-jours.txt', gold: '__tests__/fixtures/heldout-13/semaine-4-jours.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-13/semaine-4-jours.coder2.jsonl' },
  { name: 'heldout-14 altman-juridique (50)', role: 'development', input: '__tests__/fixtures/heldout-14/altman-juridique.txt', gold: '__tests__/fixtures/heldout-14/altman-juridique.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-14/altman-juridique.coder2.jsonl' },
  { name: 'heldout-14 piscine (40)', role: 'development', input: '__tests__/fixtures/heldout-14/piscine.txt', gold: '__tests__/fixtures/heldout-14/piscine.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-14/piscine.coder2.jsonl' },
  { name: 'heldout-14 altman-lifestyle (50)', role: 'development', input: '__tests__/fixtures/heldout-14/altman-lifestyle.txt', gold: '__tests__/fixtures/heldout-14/altman-lifestyle.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-14/altman-lifestyle.coder2.jsonl' },
  { name: 'heldout-14 videosurveillance (40)', role: 'development', input: '__tests__/fixtures/heldout-14/videosurveillance.txt', gold: '__tests__/fixtures/heldout-14/videosurveillance.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-14/videosurveillance.coder2.jsonl' },
  { name: 'heldout-15 altman-etudiant (50)', role: 'development', input: '__tests__/fixtures/heldout-15/altman-etudiant.txt', gold: '__tests__/fixtures/heldout-15/altman-etudiant.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-15/altman-etudiant.coder2.jsonl' },
  { name: 'heldout-15 bureau-poste (40)', role: 'development', input: '__tests__/fixtures/heldout-15/bureau-poste.txt', gold: '__tests__/fixtures/heldout-15/bureau-poste.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-15/bureau-poste.coder2.jsonl' },
  { name: 'heldout-15 altman-seniors (50)', role: 'development', input: '__tests__/fixtures/heldout-15/altman-seniors.txt', gold: '__tests__/fixtures/heldout-15/altman-seniors.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-15/altman-seniors.coder2.jsonl' },
  { name: 'heldout-15 parking-payant (40)', role: 'development', input: '__tests__/fixtures/heldout-15/parking-payant.txt', gold: '__tests__/fixtures/heldout-15/parking-payant.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-15/parking-payant.coder2.jsonl' },
  { name: 'heldout-16 altman-auto (50)', role: 'development', input: '__tests__/fixtures/heldout-16/altman-auto.txt', gold: '__tests__/fixtures/heldout-16/altman-auto.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-16/altman-auto.coder2.jsonl' },
  { name: 'heldout-16 billets-concert (40)', role: 'development', input: '__tests__/fixtures/heldout-16/billets-concert.txt', gold: '__tests__/fixtures/heldout-16/billets-concert.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-16/billets-concert.coder2.jsonl' },
  { name: 'heldout-16 altman-parents (50)', role: 'development', input: '__tests__/fixtures/heldout-16/altman-parents.txt', gold: '__tests__/fixtures/heldout-16/altman-parents.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-16/altman-parents.coder2.jsonl' },
  { name: 'heldout-16 chasse-dimanche (40)', role: 'development', input: '__tests__/fixtures/heldout-16/chasse-dimanche.txt', gold: '__tests__/fixtures/heldout-16/chasse-dimanche.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-16/chasse-dimanche.coder2.jsonl' },
  { name: 'heldout-17 altman-sport (50)', role: 'development', input: '__tests__/fixtures/heldout-17/altman-sport.txt', gold: '__tests__/fixtures/heldout-17/altman-sport.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-17/altman-sport.coder2.jsonl' },
  { name: 'heldout-17 biodechets (40)', role: 'development', input: '__tests__/fixtures/heldout-17/biodechets.txt', gold: '__tests__/fixtures/heldout-17/biodechets.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-17/biodechets.coder2.jsonl' },
  { name: 'heldout-17 altman-cuisine (50)', role: 'development', input: '__tests__/fixtures/heldout-17/altman-cuisine.txt', gold: '__tests__/fixtures/heldout-17/altman-cuisine.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-17/altman-cuisine.coder2.jsonl' },
  { name: 'heldout-17 influenceurs-loi (40)', role: 'development', input: '__tests__/fixtures/heldout-17/influenceurs-loi.txt', gold: '__tests__/fixtures/heldout-17/influenceurs-loi.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-17/influenceurs-loi.coder2.jsonl' },
  { name: 'heldout-18 altman-voyage (50)', role: 'development', input: '__tests__/fixtures/heldout-18/altman-voyage.txt', gold: '__tests__/fixtures/heldout-18/altman-voyage.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-18/altman-voyage.coder2.jsonl' },
  { name: 'heldout-18 fibre-village (40)', role: 'development', input: '__tests__/fixtures/heldout-18/fibre-village.txt', gold: '__tests__/fixtures/heldout-18/fibre-village.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-18/fibre-village.coder2.jsonl' },
  { name: 'heldout-18 altman-agri (50)', role: 'development', input: '__tests__/fixtures/heldout-18/altman-agri.txt', gold: '__tests__/fixtures/heldout-18/altman-agri.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-18/altman-agri.coder2.jsonl' },
  { name: 'heldout-18 urgences-nuit (40)', role: 'development', input: '__tests__/fixtures/heldout-18/urgences-nuit.txt', gold: '__tests__/fixtures/heldout-18/urgences-nuit.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-18/urgences-nuit.coder2.jsonl' },
  { name: 'heldout-19 altman-photo (50)', role: 'development', input: '__tests__/fixtures/heldout-19/altman-photo.txt', gold: '__tests__/fixtures/heldout-19/altman-photo.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-19/altman-photo.coder2.jsonl' },
  { name: 'heldout-19 heure-ete (40)', role: 'development', input: '__tests__/fixtures/heldout-19/heure-ete.txt', gold: '__tests__/fixtures/heldout-19/heure-ete.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-19/heure-ete.coder2.jsonl' },
  { name: 'heldout-19 altman-musique (50)', role: 'development', input: '__tests__/fixtures/heldout-19/altman-musique.txt', gold: '__tests__/fixtures/heldout-19/altman-musique.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-19/altman-musique.coder2.jsonl' },
  { name: 'heldout-19 zfe-vignette (40)', role: 'development', input: '__tests__/fixtures/heldout-19/zfe-vignette.txt', gold: '__tests__/fixtures/heldout-19/zfe-vignette.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-19/zfe-vignette.coder2.jsonl' },
  { name: 'heldout-20 altman-sante (50)', role: 'development', input: '__tests__/fixtures/heldout-20/altman-sante.txt', gold: '__tests__/fixtures/heldout-20/altman-sante.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-20/altman-sante.coder2.jsonl' },
  { name: 'heldout-20 limitation-80 (40)', role: 'development', input: '__tests__/fixtures/heldout-20/limitation-80.txt', gold: '__tests__/fixtures/heldout-20/limitation-80.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-20/limitation-80.coder2.jsonl' },
  { name: 'heldout-20 altman-immo (50)', role: 'development', input: '__tests__/fixtures/heldout-20/altman-immo.txt', gold: '__tests__/fixtures/heldout-20/altman-immo.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-20/altman-immo.coder2.jsonl' },
  { name: 'heldout-20 devoirs-primaire (40)', role: 'development', input: '__tests__/fixtures/heldout-20/devoirs-primaire.txt', gold: '__tests__/fixtures/heldout-20/devoirs-primaire.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-20/devoirs-primaire.coder2.jsonl' },
  { name: 'heldout-21 altman-velo (50)', role: 'development', input: '__tests__/fixtures/heldout-21/altman-velo.txt', gold: '__tests__/fixtures/heldout-21/altman-velo.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-21/altman-velo.coder2.jsonl' },
  { name: 'heldout-21 taxe-fonciere (40)', role: 'development', input: '__tests__/fixtures/heldout-21/taxe-fonciere.txt', gold: '__tests__/fixtures/heldout-21/taxe-fonciere.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-21/taxe-fonciere.coder2.jsonl' },
  { name: 'heldout-21 altman-bd (50)', role: 'development', input: '__tests__/fixtures/heldout-21/altman-bd.txt', gold: '__tests__/fixtures/heldout-21/altman-bd.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-21/altman-bd.coder2.jsonl' },
  { name: 'heldout-21 cantine-bio (40)', role: 'development', input: '__tests__/fixtures/heldout-21/cantine-bio.txt', gold: '__tests__/fixtures/heldout-21/cantine-bio.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-21/cantine-bio.coder2.jsonl' },
  { name: 'heldout-22 altman-jardin (50)', role: 'development', input: '__tests__/fixtures/heldout-22/altman-jardin.txt', gold: '__tests__/fixtures/heldout-22/altman-jardin.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-22/altman-jardin.coder2.jsonl' },
  { name: 'heldout-22 trottinettes (40)', role: 'development', input: '__tests__/fixtures/heldout-22/trottinettes.txt', gold: '__tests__/fixtures/heldout-22/trottinettes.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-22/trottinettes.coder2.jsonl' },
  { name: 'heldout-22 altman-espace (50)', role: 'development', input: '__tests__/fixtures/heldout-22/altman-espace.txt', gold: '__tests__/fixtures/heldout-22/altman-espace.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-22/altman-espace.coder2.jsonl' },
  { name: 'heldout-22 ligne-train (40)', role: 'development', input: '__tests__/fixtures/heldout-22/ligne-train.txt', gold: '__tests__/fixtures/heldout-22/ligne-train.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-22/ligne-train.coder2.jsonl' },
  { name: 'heldout-23 altman-bricolage (50)', role: 'development', input: '__tests__/fixtures/heldout-23/altman-bricolage.txt', gold: '__tests__/fixtures/heldout-23/altman-bricolage.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-23/altman-bricolage.coder2.jsonl' },
  { name: 'heldout-23 fermeture-college (40)', role: 'development', input: '__tests__/fixtures/heldout-23/fermeture-college.txt', gold: '__tests__/fixtures/heldout-23/fermeture-college.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-23/fermeture-college.coder2.jsonl' },
  { name: 'heldout-23 altman-cinema (50)', role: 'development', input: '__tests__/fixtures/heldout-23/altman-cinema.txt', gold: '__tests__/fixtures/heldout-23/altman-cinema.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-23/altman-cinema.coder2.jsonl' },
  { name: 'heldout-23 feu-bois (40)', role: 'development', input: '__tests__/fixtures/heldout-23/feu-bois.txt', gold: '__tests__/fixtures/heldout-23/feu-bois.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-23/feu-bois.coder2.jsonl' },
  { name: 'heldout-24 altman-montagne (50)', role: 'development', input: '__tests__/fixtures/heldout-24/altman-montagne.txt', gold: '__tests__/fixtures/heldout-24/altman-montagne.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-24/altman-montagne.coder2.jsonl' },
  { name: 'heldout-24 marche-noel (40)', role: 'development', input: '__tests__/fixtures/heldout-24/marche-noel.txt', gold: '__tests__/fixtures/heldout-24/marche-noel.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-24/marche-noel.coder2.jsonl' },
  { name: 'heldout-24 altman-animaux (50)', role: 'development', input: '__tests__/fixtures/heldout-24/altman-animaux.txt', gold: '__tests__/fixtures/heldout-24/altman-animaux.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-24/altman-animaux.coder2.jsonl' },
  { name: 'heldout-24 compteurs-eau (40)', role: 'development', input: '__tests__/fixtures/heldout-24/compteurs-eau.txt', gold: '__tests__/fixtures/heldout-24/compteurs-eau.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-24/compteurs-eau.coder2.jsonl' },
  { name: 'heldout-25 altman-mode (50)', role: 'development', input: '__tests__/fixtures/heldout-25/altman-mode.txt', gold: '__tests__/fixtures/heldout-25/altman-mode.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-25/altman-mode.coder2.jsonl' },
  { name: 'heldout-25 radar-feux (40)', role: 'development', input: '__tests__/fixtures/heldout-25/radar-feux.txt', gold: '__tests__/fixtures/heldout-25/radar-feux.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-25/radar-feux.coder2.jsonl' },
  { name: 'heldout-25 altman-histoire (50)', role: 'development', input: '__tests__/fixtures/heldout-25/altman-histoire.txt', gold: '__tests__/fixtures/heldout-25/altman-histoire.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-25/altman-histoire.coder2.jsonl' },
  { name: 'heldout-25 fusion-communes (40)', role: 'development', input: '__tests__/fixtures/heldout-25/fusion-communes.txt', gold: '__tests__/fixtures/heldout-25/fusion-communes.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-25/fusion-communes.coder2.jsonl' },
  { name: 'heldout-26 altman-auto-moto (50)', role: 'development', input: '__tests__/fixtures/heldout-26/altman-auto-moto.txt', gold: '__tests__/fixtures/heldout-26/altman-auto-moto.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-26/altman-auto-moto.coder2.jsonl' },
  { name: 'heldout-26 bibliotheque-dimanche (40)', role: 'development', input: '__tests__/fixtures/heldout-26/bibliotheque-dimanche.txt', gold: '__tests__/fixtures/heldout-26/bibliotheque-dimanche.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-26/bibliotheque-dimanche.coder2.jsonl' },
  { name: 'heldout-26 altman-vin (50)', role: 'development', input: '__tests__/fixtures/heldout-26/altman-vin.txt', gold: '__tests__/fixtures/heldout-26/altman-vin.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-26/altman-vin.coder2.jsonl' },
  { name: 'heldout-26 cloches-eglise (40)', role: 'development', input: '__tests__/fixtures/heldout-26/cloches-eglise.txt', gold: '__tests__/fixtures/heldout-26/cloches-eglise.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-26/cloches-eglise.coder2.jsonl' },
  { name: 'heldout-27 altman-voile (50)', role: 'development', input: '__tests__/fixtures/heldout-27/altman-voile.txt', gold: '__tests__/fixtures/heldout-27/altman-voile.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-27/altman-voile.coder2.jsonl' },
  { name: 'heldout-27 platanes (40)', role: 'development', input: '__tests__/fixtures/heldout-27/platanes.txt', gold: '__tests__/fixtures/heldout-27/platanes.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-27/platanes.coder2.jsonl' },
  { name: 'heldout-27 altman-echecs (50)', role: 'development', input: '__tests__/fixtures/heldout-27/altman-echecs.txt', gold: '__tests__/fixtures/heldout-27/altman-echecs.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-27/altman-echecs.coder2.jsonl' },
  { name: 'heldout-27 barbecue-balcon (40)', role: 'development', input: '__tests__/fixtures/heldout-27/barbecue-balcon.txt', gold: '__tests__/fixtures/heldout-27/barbecue-balcon.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-27/barbecue-balcon.coder2.jsonl' },
  { name: 'heldout-28 altman-peche (50)', role: 'development', input: '__tests__/fixtures/heldout-28/altman-peche.txt', gold: '__tests__/fixtures/heldout-28/altman-peche.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-28/altman-peche.coder2.jsonl' },
  { name: 'heldout-28 couvre-feu-mineurs (40)', role: 'development', input: '__tests__/fixtures/heldout-28/couvre-feu-mineurs.txt', gold: '__tests__/fixtures/heldout-28/couvre-feu-mineurs.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-28/couvre-feu-mineurs.coder2.jsonl' },
  { name: 'heldout-28 altman-aviation (50)', role: 'development', input: '__tests__/fixtures/heldout-28/altman-aviation.txt', gold: '__tests__/fixtures/heldout-28/altman-aviation.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-28/altman-aviation.coder2.jsonl' },
  { name: 'heldout-28 chiens-plage (40)', role: 'development', input: '__tests__/fixtures/heldout-28/chiens-plage.txt', gold: '__tests__/fixtures/heldout-28/chiens-plage.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-28/chiens-plage.coder2.jsonl' },
  { name: 'heldout-29 altman-theatre (50)', role: 'development', input: '__tests__/fixtures/heldout-29/altman-theatre.txt', gold: '__tests__/fixtures/heldout-29/altman-theatre.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-29/altman-theatre.coder2.jsonl' },
  { name: 'heldout-29 antenne-5g (40)', role: 'development', input: '__tests__/fixtures/heldout-29/antenne-5g.txt', gold: '__tests__/fixtures/heldout-29/antenne-5g.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-29/antenne-5g.coder2.jsonl' },
  { name: 'heldout-29 altman-equitation (50)', role: 'development', input: '__tests__/fixtures/heldout-29/altman-equitation.txt', gold: '__tests__/fixtures/heldout-29/altman-equitation.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-29/altman-equitation.coder2.jsonl' },
  { name: 'heldout-29 pietonnisation (40)', role: 'development', input: '__tests__/fixtures/heldout-29/pietonnisation.txt', gold: '__tests__/fixtures/heldout-29/pietonnisation.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-29/pietonnisation.coder2.jsonl' },
  { name: 'heldout-30 altman-golf (50)', role: 'development', input: '__tests__/fixtures/heldout-30/altman-golf.txt', gold: '__tests__/fixtures/heldout-30/altman-golf.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-30/altman-golf.coder2.jsonl' },
  { name: 'heldout-30 panneaux-eglise (40)', role: 'development', input: '__tests__/fixtures/heldout-30/panneaux-eglise.txt', gold: '__tests__/fixtures/heldout-30/panneaux-eglise.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-30/panneaux-eglise.coder2.jsonl' },
  { name: 'heldout-30 altman-apiculture (50)', role: 'development', input: '__tests__/fixtures/heldout-30/altman-apiculture.txt', gold: '__tests__/fixtures/heldout-30/altman-apiculture.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-30/altman-apiculture.coder2.jsonl' },
  { name: 'heldout-30 meubles-touristiques (40)', role: 'development', input: '__tests__/fixtures/heldout-30/meubles-touristiques.txt', gold: '__tests__/fixtures/heldout-30/meubles-touristiques.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-30/meubles-touristiques.coder2.jsonl' },
  { name: 'heldout-31 altman-plongee (50)', role: 'development', input: '__tests__/fixtures/heldout-31/altman-plongee.txt', gold: '__tests__/fixtures/heldout-31/altman-plongee.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-31/altman-plongee.coder2.jsonl' },
  { name: 'heldout-31 feux-artifice (40)', role: 'development', input: '__tests__/fixtures/heldout-31/feux-artifice.txt', gold: '__tests__/fixtures/heldout-31/feux-artifice.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-31/feux-artifice.coder2.jsonl' },
  { name: 'heldout-31 altman-couture (50)', role: 'development', input: '__tests__/fixtures/heldout-31/altman-couture.txt', gold: '__tests__/fixtures/heldout-31/altman-couture.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-31/altman-couture.coder2.jsonl' },
  { name: 'heldout-31 dechetterie (40)', role: 'development', input: '__tests__/fixtures/heldout-31/dechetterie.txt', gold: '__tests__/fixtures/heldout-31/dechetterie.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-31/dechetterie.coder2.jsonl' },
  { name: 'heldout-32 altman-architecture (50)', role: 'development', input: '__tests__/fixtures/heldout-32/altman-architecture.txt', gold: '__tests__/fixtures/heldout-32/altman-architecture.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-32/altman-architecture.coder2.jsonl' },
  { name: 'heldout-32 fete-foraine (40)', role: 'development', input: '__tests__/fixtures/heldout-32/fete-foraine.txt', gold: '__tests__/fixtures/heldout-32/fete-foraine.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-32/fete-foraine.coder2.jsonl' },
  { name: 'heldout-32 altman-ornithologie (50)', role: 'development', input: '__tests__/fixtures/heldout-32/altman-ornithologie.txt', gold: '__tests__/fixtures/heldout-32/altman-ornithologie.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-32/altman-ornithologie.coder2.jsonl' },
  { name: 'heldout-32 ecole-bilingue (40)', role: 'development', input: '__tests__/fixtures/heldout-32/ecole-bilingue.txt', gold: '__tests__/fixtures/heldout-32/ecole-bilingue.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-32/ecole-bilingue.coder2.jsonl' },
  { name: 'heldout-33 altman-rugby (50)', role: 'development', input: '__tests__/fixtures/heldout-33/altman-rugby.txt', gold: '__tests__/fixtures/heldout-33/altman-rugby.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-33/altman-rugby.coder2.jsonl' },
  { name: 'heldout-33 cantine-vegetarienne (40)', role: 'development', input: '__tests__/fixtures/heldout-33/cantine-vegetarienne.txt', gold: '__tests__/fixtures/heldout-33/cantine-vegetarienne.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-33/cantine-vegetarienne.coder2.jsonl' },
  { name: 'heldout-33 altman-astronomie (50)', role: 'development', input: '__tests__/fixtures/heldout-33/altman-astronomie.txt', gold: '__tests__/fixtures/heldout-33/altman-astronomie.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-33/altman-astronomie.coder2.jsonl' },
  { name: 'heldout-33 navettes-autonomes (40)', role: 'development', input: '__tests__/fixtures/heldout-33/navettes-autonomes.txt', gold: '__tests__/fixtures/heldout-33/navettes-autonomes.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-33/navettes-autonomes.coder2.jsonl' },
  { name: 'heldout-34 altman-patrimoine (50)', role: 'development', input: '__tests__/fixtures/heldout-34/altman-patrimoine.txt', gold: '__tests__/fixtures/heldout-34/altman-patrimoine.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-34/altman-patrimoine.coder2.jsonl' },
  { name: 'heldout-34 marche-nocturne (40)', role: 'development', input: '__tests__/fixtures/heldout-34/marche-nocturne.txt', gold: '__tests__/fixtures/heldout-34/marche-nocturne.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-34/marche-nocturne.coder2.jsonl' },
  { name: 'heldout-34 altman-triathlon (50)', role: 'development', input: '__tests__/fixtures/heldout-34/altman-triathlon.txt', gold: '__tests__/fixtures/heldout-34/altman-triathlon.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-34/altman-triathlon.coder2.jsonl' },
  { name: 'heldout-34 fermeture-gare (40)', role: 'development', input: '__tests__/fixtures/heldout-34/fermeture-gare.txt', gold: '__tests__/fixtures/heldout-34/fermeture-gare.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-34/fermeture-gare.coder2.jsonl' },
  { name: 'heldout-35 altman-genealogie (50)', role: 'blind', input: '__tests__/fixtures/heldout-35/altman-genealogie.txt', gold: '__tests__/fixtures/heldout-35/altman-genealogie.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-35/altman-genealogie.coder2.jsonl' },
  { name: 'heldout-35 jardins-familiaux (40)', role: 'blind', input: '__tests__/fixtures/heldout-35/jardins-familiaux.txt', gold: '__tests__/fixtures/heldout-35/jardins-familiaux.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-35/jardins-familiaux.coder2.jsonl' },
  { name: 'heldout-35 altman-modelisme (50)', role: 'blind', input: '__tests__/fixtures/heldout-35/altman-modelisme.txt', gold: '__tests__/fixtures/heldout-35/altman-modelisme.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-35/altman-modelisme.coder2.jsonl' },
  { name: 'heldout-35 camping-cars (40)', role: 'blind', input: '__tests__/fixtures/heldout-35/camping-cars.txt', gold: '__tests__/fixtures/heldout-35/camping-cars.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-35/camping-cars.coder2.jsonl' },
  { name: 'heldout-36 altman-philatelie (50)', role: 'blind', input: '__tests__/fixtures/heldout-36/altman-philatelie.txt', gold: '__tests__/fixtures/heldout-36/altman-philatelie.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-36/altman-philatelie.coder2.jsonl' },
  { name: 'heldout-36 ramassage-scolaire (40)', role: 'blind', input: '__tests__/fixtures/heldout-36/ramassage-scolaire.txt', gold: '__tests__/fixtures/heldout-36/ramassage-scolaire.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-36/ramassage-scolaire.coder2.jsonl' },
  { name: 'heldout-36 altman-boulangerie (50)', role: 'blind', input: '__tests__/fixtures/heldout-36/altman-boulangerie.txt', gold: '__tests__/fixtures/heldout-36/altman-boulangerie.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-36/altman-boulangerie.coder2.jsonl' },
  { name: 'heldout-36 horaires-mairie (40)', role: 'blind', input: '__tests__/fixtures/heldout-36/horaires-mairie.txt', gold: '__tests__/fixtures/heldout-36/horaires-mairie.gold.jsonl', secondCoder: '__tests__/fixtures/heldout-36/horaires-mairie.coder2.jsonl' },
];

/** A thread labelled by two coders independently: `a` is the first coder's gold file. */
export interface CoderPair {
  /** How the README names the thread (as in {@link BUNDLED_SETS}). */
  name: string;
  input: string;
  a: string;
  b: string;
}

/** The double-coded threads: the second coder read only the codebook and the thread text. */
export const CODER_PAIRS: readonly CoderPair[] = BUNDLED_SETS.flatMap((set) =>
  set.secondCoder === undefined ? [] : [{ name: set.name, input: set.input, a: set.gold, b: set.secondCoder }],
);

/** A labelled thread after one analysis: what both tables of the README are read from. */
export interface MeasuredSet {
  set: QualitySet;
  gold: readonly GoldRecord[];
  thread: AnalyzedThread;
  report: EvaluationReport;
}

/** Whether the label models are trained on `set`: the seed and development sets, never a blind one. */
export function isTrainingSet(set: QualitySet): boolean {
  return set.role === 'seed' || set.role === 'development';
}

/** Each set analyzed by the rules alone, with its gold labels: the label models' training data. */
export function labelledThreads(sets: readonly QualitySet[], root: string): LabelledThread[] {
  const schema = loadSchema();
  return sets.map((set) => ({
    name: set.name,
    gold: parseGold(fs.readFileSync(`${root}/${set.gold}`, 'utf8'), set.gold, { stanceLabels: schema.labelIds }),
    thread: analyzeText(fs.readFileSync(`${root}/${set.input}`, 'utf8'), set.input, { schema, labelModels: null }),
  }));
}

/** Each labelled thread measured twice: with the labels of the learned models and with the rules' own. */
export interface MeasuredSets {
  learned: MeasuredSet[];
  rules: MeasuredSet[];
}

/**
 * Analyzes and evaluates each labelled thread with the default schema, twice. The rules' own
 * labels come from one rules-only analysis of each thread, which is also the models' training data
 * (so it is not made again). The learned labels: a blind set is analyzed with the shipped label
 * models; a set they were trained on, with models trained on the other training sets of `sets`
 * (leave one thread out), so that no figure is measured on a thread its models have seen.
 */
export function measureSets(sets: readonly QualitySet[], root: string): MeasuredSets {
  const schema = loadSchema();
  const stanceLabels = schema.labelIds;
  const byRules = labelledThreads(sets, root);
  const training = byRules.filter((_, i) => isTrainingSet(sets[i]));
  const measured = (set: QualitySet, gold: readonly GoldRecord[], thread: AnalyzedThread): MeasuredSet =>
    ({ set, gold, thread, report: evaluateThread(thread, gold, set.gold, { stanceLabels }) });
  return {
    rules: sets.map((set, i) => measured(set, byRules[i].gold, byRules[i].thread)),
    learned: sets.map((set, i) => {
      const labelModels = isTrainingSet(set) ? trainLabelModels(training.filter((t) => t.name !== set.name), stanceLabels) : undefined;
      return measured(set, byRules[i].gold, analyzeText(fs.readFileSync(`${root}/${set.input}`, 'utf8'), set.input, { schema, labelModels }));
    }),
  };
}

/** The metrics of `field` in `report`, when the gold file labels it. */
function metricsOf(report: EvaluationReport, field: LabelField): ClassificationMetrics | undefined {
  return report.fields.find((f) => f.field === field)?.metrics;
}

function cell(report: EvaluationReport, field: LabelField, withF1: boolean): string {
  const found = metricsOf(report, field);
  if (found === undefined) return '–';
  const { accuracy, macroF1 } = found;
  return withF1 ? `${accuracy.toFixed(3)} / ${macroF1.toFixed(3)}` : accuracy.toFixed(3);
}

/** The Markdown table: accuracy (and macro-F1) per field, one row per labelled thread. */
export function qualityTable(measured: readonly MeasuredSet[]): string {
  const rows = [
    '| thread | role | parent acc. | sentiment acc. / macro-F1 | stance acc. / macro-F1 | agreement acc. (replies) |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const { set, report } of measured) {
    const parent = report.parent ? report.parent.accuracy.toFixed(3) : '–';
    rows.push(`| ${set.name} | ${set.role} | ${parent} | ${cell(report, 'sentiment', true)} | ${cell(report, 'stance', true)} | ${cell(report, 'agreement', false)} |`);
  }
  return `${rows.join('\n')}\n`;
}

/**
 * The Markdown table "rules alone against learned labels": per thread, sentiment and stance
 * macro-F1 and agreement accuracy of the rules' own labels, then of the labels the models decide
 * (leave one thread out on the threads they are trained on), and the mean of the blind rows, if any.
 */
export function learnedTable(learned: readonly MeasuredSet[], rules: readonly MeasuredSet[]): string {
  const value = (report: EvaluationReport, field: LabelField): number | undefined => {
    const found = metricsOf(report, field);
    return found === undefined ? undefined : field === 'agreement' ? found.accuracy : found.macroF1;
  };
  const fields: LabelField[] = ['sentiment', 'stance', 'agreement'];
  const pair = (r: number | undefined, l: number | undefined) => (r === undefined || l === undefined ? '–' : `${r.toFixed(3)} → ${l.toFixed(3)}`);
  const rows = [
    '| thread | role | sentiment macro-F1, rules → learned | stance macro-F1, rules → learned | agreement acc., rules → learned |',
    '|---|---|---:|---:|---:|',
  ];
  const blind: Record<string, [number[], number[]]> = { sentiment: [[], []], stance: [[], []], agreement: [[], []] };
  learned.forEach(({ set, report }, i) => {
    const cells = fields.map((field) => {
      const r = value(rules[i].report, field);
      const l = value(report, field);
      if (set.role === 'blind' && r !== undefined && l !== undefined) {
        blind[field][0].push(r);
        blind[field][1].push(l);
      }
      return pair(r, l);
    });
    rows.push(`| ${set.name} | ${set.role} | ${cells.join(' | ')} |`);
  });
  const mean = (values: number[]) => (values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length);
  // No mean row while no blind round is waiting to be measured.
  if (blind.sentiment[0].length > 0) rows.push(`| **mean of the blind rows** | blind | ${fields.map((f) => pair(mean(blind[f][0]), mean(blind[f][1]))).join(' | ')} |`);
  return `${rows.join('\n')}\n`;
}

/** The hand-labelled press sentences of the sentiment tests (not a thread). */
export const PRESS_SENTENCES = '__tests__/fixtures/sentiment/press-sentences.gold.jsonl';

/**
 * Sentiment macro-F1 of the two baselines and of thread-stance on every labelled set (the
 * comments' own words as thread-stance's parser finds them, and the press sentences).
 */
export function baselineTable(measured: readonly MeasuredSet[], root: string): string {
  const columns: { name: string; items: { text: string; gold: string }[]; ours: number }[] = [];
  for (const { set, gold, thread, report } of measured) {
    const items = gold.filter((g) => g.sentiment !== undefined).map((g) => ({ text: thread.comments[g.index - 1].ownText, gold: g.sentiment as string }));
    const ours = metricsOf(report, 'sentiment')?.macroF1 ?? 0;
    columns.push({ name: set.name, items, ours });
  }
  const press = fs.readFileSync(`${root}/${PRESS_SENTENCES}`, 'utf8').split('\n').filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; sentiment: string }).map((r) => ({ text: r.text, gold: r.sentiment }));
  columns.push({ name: 'press sentences (58)', items: press, ours: baselineMacroF1(press, (t) => scoreSentiment(t).label) });
  const row = (name: string, values: number[]) => `| ${name} | ${values.map((v) => v.toFixed(3)).join(' | ')} |`;
  return [
    `| sentiment macro-F1 | ${columns.map((c) => c.name).join(' | ')} |`,
    `|---|${columns.map(() => '---:').join('|')}|`,
    row('`sentiment`, English default', columns.map((c) => baselineMacroF1(c.items, englishBaseline))),
    row('vader-fr registered as-is', columns.map((c) => baselineMacroF1(c.items, plainFrenchBaseline))),
    row('thread-stance', columns.map((c) => c.ours)),
  ].join('\n') + '\n';
}

/** A double-coded thread measured: coder against coder, and the analyzer against each coder. */
export interface MeasuredPair {
  pair: CoderPair;
  coders: CoderComparison;
  analyzerVsA: EvaluationReport;
  analyzerVsB: EvaluationReport;
}

/**
 * Compares the coders of each pair and evaluates the analyzer against both. A thread already in
 * `measured` (same input file) is not analyzed again.
 */
export function measureCoderPairs(pairs: readonly CoderPair[], root: string, measured: readonly MeasuredSet[] = []): MeasuredPair[] {
  const schema = loadSchema();
  const stanceLabels = schema.labels.map((l) => l.id);
  const analyzed = new Map(measured.map((m) => [m.set.input, m.thread] as const));
  return pairs.map((pair) => {
    const a = parseGold(fs.readFileSync(`${root}/${pair.a}`, 'utf8'), pair.a, { stanceLabels });
    const b = parseGold(fs.readFileSync(`${root}/${pair.b}`, 'utf8'), pair.b, { stanceLabels });
    const thread = analyzed.get(pair.input) ?? analyzeText(fs.readFileSync(`${root}/${pair.input}`, 'utf8'), pair.input, { schema });
    return {
      pair,
      coders: compareCoders(a, b, pair.a, pair.b, { stanceLabels }),
      analyzerVsA: evaluateThread(thread, a, pair.a, { stanceLabels }),
      analyzerVsB: evaluateThread(thread, b, pair.b, { stanceLabels }),
    };
  });
}

function coderCell(coders: CoderComparison, field: CodedField, parts: ('accuracy' | 'macroF1' | 'kappa')[]): string {
  const found = coders.fields.find((f) => f.field === field);
  if (found === undefined) return '–';
  return parts.map((part) => found.metrics[part].toFixed(3)).join(' / ');
}

function analyzerF1(report: EvaluationReport, field: LabelField): string {
  const found = metricsOf(report, field);
  return found === undefined ? '–' : found.macroF1.toFixed(3);
}

/**
 * The Markdown table "two coders on the same threads": coder A against coder B per field, then the
 * analyzer's sentiment and stance macro-F1 against A and against B (the human ceiling next to the tool).
 */
export function coderTable(measured: readonly MeasuredPair[]): string {
  const rows = [
    '| thread | sentiment A vs B acc. / macro-F1 / κ | stance A vs B acc. / macro-F1 / κ | agreement A vs B acc. / κ (replies) | parent A vs B acc. | analyzer sentiment macro-F1 vs A / vs B | analyzer stance macro-F1 vs A / vs B |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { pair, coders, analyzerVsA, analyzerVsB } of measured) {
    const stance = analyzerF1(analyzerVsA, 'stance') === '–' ? '–' : `${analyzerF1(analyzerVsA, 'stance')} / ${analyzerF1(analyzerVsB, 'stance')}`;
    rows.push(
      `| ${pair.name} | ${coderCell(coders, 'sentiment', ['accuracy', 'macroF1', 'kappa'])} | ${coderCell(coders, 'stance', ['accuracy', 'macroF1', 'kappa'])} | ` +
        `${coderCell(coders, 'agreement', ['accuracy', 'kappa'])} | ${coderCell(coders, 'parent', ['accuracy'])} | ` +
        `${analyzerF1(analyzerVsA, 'sentiment')} / ${analyzerF1(analyzerVsB, 'sentiment')} | ${stance} |`,
    );
  }
  return `${rows.join('\n')}\n`;
}
