/**
 * Session 4 signals for replies written without an agreement cue, and the general French cues
 * added for corrections and retorts. Sentiment labels are set by hand here: the signal reads the
 * sentiment stage's label, whatever that stage decides, so the tests do not depend on its lexicon.
 */
import type { SentimentLabel, Thread } from '../../src/model.js';
import { analyzeStance } from '../../src/stance/index.js';
import { replyChain } from './builders.js';
import { cuesOnlySchema } from './schemas.js';

const schema = cuesOnlySchema();

/** A two-comment chain whose comments carry the given sentiment labels. */
function toned(parent: [string, SentimentLabel], reply: [string, SentimentLabel]): Thread {
  const thread = replyChain(parent[0], reply[0]);
  [parent[1], reply[1]].forEach((label, i) => {
    thread.comments[i].sentiment = { score: label === 'positive' ? 2 : label === 'negative' ? -2 : 0, comparative: 0, label, terms: [] };
  });
  analyzeStance(thread, schema, null);
  return thread;
}

/** `label agreement` of the reply, then the texts of its disagreement evidence. */
function replyOf(thread: Thread): string[] {
  const reply = thread.comments[1];
  return [`${reply.stance!.label} ${reply.agreement}`, ...reply.stance!.evidence.filter((e) => e.kind === 'disagreement').map((e) => e.text)];
}

describe('opposite tones: a reply without a cue whose sentiment opposes its parent\'s disagrees', () => {
  test('a negative reply to a positive comment', () => {
    const thread = toned(['Super cette nouvelle appli de la mairie, je l’adore.', 'positive'], ['Elle plante trois fois par jour, une horreur.', 'negative']);
    expect(replyOf(thread)).toEqual(['neutral disagree', 'the opposite tone of comment 1 (negative after positive)']);
  });

  test('a positive reply to a negative comment', () => {
    const thread = toned(['Le nouveau tram est une catastrophe.', 'negative'], ['Je le prends tous les jours, il est ponctuel et propre.', 'positive']);
    expect(replyOf(thread)).toEqual(['neutral disagree', 'the opposite tone of comment 1 (positive after negative)']);
  });

  test('after a positive comment the same tone, and after a neutral one a neutral reply, is no sign', () => {
    expect(replyOf(toned(['Super cette nouvelle appli de la mairie.', 'positive'], ['Je l’utilise pour les horaires du bus, pratique.', 'positive']))).toEqual(['neutral none']);
    expect(replyOf(toned(['La mairie a publié le nouveau plan des lignes.', 'neutral'], ['Le tram passe toujours par la gare.', 'neutral']))).toEqual(['neutral none']);
  });

  test('comments the sentiment stage has not scored have no tone', () => {
    expect(replyOf(analyzedChain('Le nouveau tram est une catastrophe.', 'Je le prends tous les jours, il est ponctuel et propre.'))).toEqual(['neutral none']);
  });

  test('a cue still decides before the tones: thanks to a negative comment agree', () => {
    expect(replyOf(toned(['Le nouveau tram est une catastrophe.', 'negative'], ['Merci, je prendrai le bus alors, bonne idée.', 'positive']))).toEqual(['neutral agree']);
  });

  test('opposite tones alone do not move the reply\'s stance to the counter-stance of its parent', () => {
    const thread = toned(['Coup de maître de Nadella.', 'positive'], ['Je trouve tout ça triste à pleurer.', 'negative']);
    expect(thread.comments[0].stance!.label).toBe('pro-microsoft');
    expect(replyOf(thread)).toEqual(['neutral disagree', 'the opposite tone of comment 1 (negative after positive)']);
  });
});

describe('answering a criticism: a reply without an agreement cue to a comment of negative tone disagrees', () => {
  const because = 'answers the criticism of comment 1 without agreeing with it (negative tone, no agreement cue)';

  test('a neutral reply that sets facts against a complaint', () => {
    expect(replyOf(toned(['Le nouveau tram est une catastrophe.', 'negative'], ['Il passe toutes les dix minutes, même le dimanche.', 'neutral']))).toEqual(['neutral disagree', because]);
  });

  test('a negative reply aimed at the complaint itself', () => {
    expect(replyOf(toned(['Ce festival est une honte, trop de bruit.', 'negative'], ['Trois soirs par an. Le reste du temps on entend les mouches.', 'negative']))).toEqual(['neutral disagree', because]);
  });

  test('an agreement cue still decides first', () => {
    expect(toned(['Le nouveau tram est une catastrophe.', 'negative'], ['Exactement, il tombe en panne chaque semaine.', 'negative']).comments[1].agreement).toBe('agree');
  });

  test('an answer to a question that takes no position is not a disagreement', () => {
    expect(replyOf(toned(['Le tram est encore en panne, quelqu’un sait jusqu’à quand ?', 'negative'], ['Jusqu’à jeudi d’après le site.', 'neutral']))).toEqual(['neutral none']);
  });

  test('read from tones only: it does not move the reply\'s stance to its parent\'s counter-stance', () => {
    // A sceptical parent's counter-stance is pro-microsoft: a disagreement read from cues would move the reply there.
    const thread = toned(['Coup de maître de Nadella, le board est ridicule.', 'negative'], ['La réunion a eu lieu vendredi soir.', 'neutral']);
    expect(thread.comments[0].stance!.label).toBe('sceptical');
    expect(replyOf(thread)).toEqual(['neutral disagree', because]);
    expect(thread.comments[1].stance!.evidence.map((e) => e.kind)).toEqual(['disagreement']);
  });
});

function analyzedChain(...texts: string[]): Thread {
  const thread = replyChain(texts[0], ...texts.slice(1));
  analyzeStance(thread, schema, null);
  return thread;
}

describe('general French cues of session 4', () => {
  const agreementOf = (reply: string): string => analyzedChain('Le nouveau tram est une catastrophe.', reply).comments[1].agreement!;

  test.each([
    // An elided concession opening a reply.
    ["Sauf qu'il roule la nuit, lui.", 'disagree'],
    // A restriction that corrects the parent.
    ['À ceci près que le bus met une heure.', 'disagree'],
    ['À cela près que personne ne le prend.', 'disagree'],
    // Telling the parent it is too harsh.
    ["T'es dur, il a trois semaines.", 'disagree'],
    ['Vous êtes sévère avec les conducteurs.', 'disagree'],
    // A challenge echoing the parent's word.
    ['Catastrophe de quoi ?', 'disagree'],
    // "n'empêche pas" is a negated verb, not the concession "n'empêche".
    ["La pluie n'empêche pas les travaux.", 'none'],
  ])('%s -> %s', (reply, expected) => {
    expect(agreementOf(reply)).toBe(expected);
  });
});

describe('answering praise flatly: a neutral reply without an agreement cue to a comment of positive tone disagrees', () => {
  const because = 'answers the praise of comment 1 flatly, without agreeing with it (positive tone, no agreement cue)';

  test('a neutral reply that sets a fact against the enthusiasm', () => {
    expect(replyOf(toned(['Super cette nouvelle appli de la mairie, je l’adore.', 'positive'], ['Elle demande ta position en permanence, même appli fermée.', 'neutral']))).toEqual(['neutral disagree', because]);
  });

  test('a reply as warm as the praise is no sign, and an agreement cue still decides first', () => {
    expect(replyOf(toned(['Super cette nouvelle appli de la mairie.', 'positive'], ['Je l’utilise pour les horaires du bus, pratique.', 'positive']))).toEqual(['neutral none']);
    expect(toned(['Super cette nouvelle appli de la mairie.', 'positive'], ['Exactement, elle donne les horaires du bus.', 'neutral']).comments[1].agreement).toBe('agree');
  });
});

describe('each agreement note names its kind of sign, which the agreement model weighs', () => {
  /** The `sign` of each agreement and disagreement note of the reply. */
  const signsOf = (thread: Thread) => thread.comments[1].stance!.evidence.filter((e) => e.kind === 'agreement' || e.kind === 'disagreement').map((e) => `${e.kind} ${e.sign}`);

  test('a sign read from the tones; a concessive `mais` (a cue group) granting a part to restrict the rest', () => {
    expect(signsOf(toned(['Le nouveau tram est une catastrophe.', 'negative'], ['Je le prends tous les jours, il est ponctuel et propre.', 'positive'])))
      .toEqual(['disagreement opposite-tone']);
    expect(signsOf(toned(['Le conseil a eu raison de freiner, il fallait ralentir.', 'positive'], ['Freiner oui, mais pas en virant le patron un vendredi soir sans prévenir.', 'negative'])))
      .toEqual(['disagreement concession', 'disagreement concessive-yes']);
  });
});
