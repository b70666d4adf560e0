import type { Thread } from '../../src/model.js';
import { addressesParent, concessiveYes, counterQuestion, echoQuestion, echoWords, eyeRoll, questionsParent } from '../../src/stance/agreement.js';
import { analyzeStance } from '../../src/stance/index.js';
import { tokenizeForCues } from '../../src/stance/text.js';
import { deepAgreeingChain, replyChain, threadOf, threadWithDisagreeingReply, threadWithQuotedParent } from './builders.js';
import { cuesOnlySchema } from './schemas.js';

const schema = cuesOnlySchema();

function analyzed(thread: Thread): Thread {
  analyzeStance(thread, schema, null);
  return thread;
}

/** `index label confidence agreement` per comment. */
const rows = (thread: Thread): string[] => thread.comments.map((c) => `${c.index} ${c.stance!.label} ${c.stance!.confidence} ${c.agreement}`);

/** Agreement of a one-reply thread whose parent says `parent`. */
const agreementOf = (reply: string, parent = 'Le board a tout flingué.'): string => analyzed(replyChain(parent, reply)).comments[1].agreement!;

describe('agreement with the parent, from the reply\'s opening words', () => {
  test.each([
    ['Bien vu.', 'agree'],
    ['Tellement juste !', 'agree'],
    ['Exactement.', 'agree'],
    ['+1', 'agree'],
    ['Oui, clairement.', 'agree'],
    ['Ben oui.', 'agree'],
    ['Tout à fait.', 'agree'],
    ["D'accord avec toi.", 'agree'],
    ['Il a raison en effet.', 'agree'],
    ['Non, en effet.', 'agree'],
    // Thanks opening a reply agree with it (8 of the 11 such replies in the labelled threads).
    ['Merci pour le lien.', 'agree'],
    ['Celle-là je la garde 😂', 'agree'],
    ['Non.', 'disagree'],
    ["Pas d'accord.", 'disagree'],
    ["Au contraire, c'est très malin.", 'disagree'],
    ['Contrairement à toi je trouve ça logique.', 'disagree'],
    ["C'est faux.", 'disagree'],
    ['Oui mais ils ont les serveurs.', 'disagree'],
    ['Bien vu, mais tu oublies les serveurs.', 'disagree'],
    ["D'accord. En revanche les brevets restent là-bas.", 'disagree'],
    ["Ok je suis ton raisonnement ! C'est quoi ta conclusion ?", 'disagree'],
    ['Carrément.', 'agree'],
    ['100% d\'accord.', 'agree'],
    ['Comme tu dis, ils ont tout cassé.', 'agree'],
    ['Autant pour moi.', 'agree'],
    ['Mouais.', 'disagree'],
    ['Peu importe, le résultat est là.', 'disagree'],
    ['Tu te trompes de cible.', 'disagree'],
    ['Encore faudrait-il qu\'ils aient le choix.', 'disagree'],
    ['C\'était du second degré.', 'disagree'],
    ['Bof. Tu as raison sur un point.', 'disagree'],
    ['Rien à voir avec le sujet, mais tu as raison.', 'agree'],
    ['Il est 18 h.', 'none'],
    ['???', 'none'],
    ['Il me semble que oui.', 'none'],
    // Session 3: retorts, applause, "sur le papier", corrections, teasing.
    ['Ok boomer.', 'disagree'],
    ['👏👏', 'agree'],
    ["Sur le papier oui. En pratique c'est une autre histoire.", 'disagree'],
    ["Je n'ai jamais dit qu'ils étaient nuls.", 'disagree'],
    ['Trois, pas quatre.', 'disagree'],
    ['Un rachat, oui. Pas une fusion.', 'disagree'],
    ['Tu vends des actions Microsoft ou quoi ? 😂', 'disagree'],
    ['Tu m\'as tué 😂', 'agree'],
    ['Le board a-t-il seulement réfléchi ? 😂', 'agree'],
    // Session 11: a dislocated "ça" before the cue, slang, sympathy, adding to the parent.
    ["Ah ça c'est clair, ils ont tout cassé.", 'agree'],
    ['Grave, et personne ne les a arrêtés.', 'agree'],
    ['Je dis pas le contraire 👍 le board a merdé.', 'agree'],
    ["Et j'ajoute qu'ils n'ont prévenu personne.", 'agree'],
    ['Bienvenue au club, moi aussi je me suis fait avoir.', 'agree'],
    ['Je vous comprends, mais ils avaient leurs raisons.', 'disagree'],
    // Session 12: a dislocated "ça" (or "cela") stands before any start cue, as interjections do.
    ['Ça, exactement.', 'agree'],
    ["Ça c'est faux, ils avaient prévenu.", 'disagree'],
    ['Cela, oui.', 'agree'],
    ['Ça me fait penser à Nokia.', 'none'],
  ])('%s -> %s', (reply, expected) => {
    expect(agreementOf(reply)).toBe(expected);
  });

  test('a correction answering a question is an answer, not a disagreement', () => {
    expect(agreementOf('Trois, pas quatre.', 'Ils étaient combien ?')).toBe('none');
  });

  test('the evidence names the signal: teasing laughter, a contrastive negation', () => {
    const teasing = analyzed(replyChain('Le board a tout flingué.', 'T\'as vendu tes actions ? 😂')).comments[1].stance!.evidence;
    expect(teasing.map((e) => e.text)).toEqual(['disagrees with comment 1 (sceptical)', 'answers sceptical comment 1 with disagreement', 'laughs at comment 1 while questioning it: "😂" (teasing)']);
    const contrast = analyzed(replyChain('Le board a tout flingué.', 'Un rachat, oui. Pas une fusion.')).comments[1].stance!.evidence;
    expect(contrast.map((e) => e.text)).toEqual(['disagrees with comment 1 (sceptical)', 'answers sceptical comment 1 with disagreement', 'corrects comment 1 with a contrastive negation ("Pas une")', 'grants comment 1 a part to restrict the rest: ", oui" (concession)']);
  });

  test('"oui" and "non" count only as the first words of the reply', () => {
    expect(agreementOf('Je crois que non.')).toBe('none');
    expect(agreementOf('Ils ont dit oui au rachat.')).toBe('none');
  });

  test('a quoted sentence of the parent followed by a negation is a rebuttal', () => {
    const thread = analyzed(threadWithQuotedParent("Ce n'est pas si sûr."));
    expect(thread.comments[1].agreement).toBe('disagree');
    expect(thread.comments[1].stance!.evidence.map((e) => `${e.kind} ${e.text}`)).toEqual([
      'moved-away disagrees with comment 1 (sceptical)',
      'counter-stance answers sceptical comment 1 with disagreement',
      'disagreement quotes comment 1 and answers with a negation ("n")',
    ]);
  });

  test('a quote followed by a correction ("je pensais") is a rebuttal; without a quote it is not', () => {
    expect(analyzed(threadWithQuotedParent('Je pensais que Microsoft avait tout payé.')).comments[1].agreement).toBe('disagree');
    expect(agreementOf('Je pensais que Microsoft avait tout payé.')).toBe('none');
  });

  test('without agreement words, two replies with a stance agree when it is the same, disagree otherwise', () => {
    expect(rows(analyzed(replyChain('Le CA a flingué la boîte.', 'Quelle farce.', 'Coup de maître de Satya.')))).toEqual([
      '1 sceptical 0.6 none',
      '2 sceptical 0.6 agree',
      '3 pro-microsoft 0.667 disagree',
    ]);
  });

  test('a yes or a no that answers a question is no agreement; a tag question or a stance makes it one', () => {
    expect(agreementOf('Non, pas avant mars.', 'Il sort quand en France ?')).toBe('none');
    expect(agreementOf('Oui, en février.', 'Il sort quand en France ?')).toBe('none');
    expect(agreementOf('Exactement.', 'Il sort quand en France ?')).toBe('agree');
    expect(agreementOf('Non.', 'Le CA a flingué la boîte, non ?')).toBe('disagree');
    expect(agreementOf('Non.', 'Le CA a flingué la boîte. Qui peut encore croire en eux ?')).toBe('disagree');
  });

  test('a reply that negates a word of its parent rebuts it', () => {
    const thread = analyzed(replyChain('Ce prix est une arnaque.', "Il n'y a aucune arnaque : la TVA explique tout."));
    expect(thread.comments[1].agreement).toBe('disagree');
    expect(thread.comments[1].stance!.evidence.map((e) => `${e.kind} ${e.text}`)).toEqual(['disagreement negates words of comment 1 ("aucune … arnaque")']);
    expect(agreementOf('Une arnaque totale, oui.', 'Ce prix est une arnaque.')).toBe('none');
  });

  test('top-level comments: none', () => {
    expect(rows(analyzed(threadOf([['a', 0, 'Bien vu.'], ['b', 0, 'Non.']])))).toEqual(['1 neutral 1 none', '2 neutral 1 none']);
  });
});

describe('session 3b: implicit (dis)agreement, by the linguistics of French replies', () => {
  /** The evidence texts of the reply's agreement (agreement and disagreement kinds only). */
  const agreementEvidence = (reply: string, parent = 'Le board a tout flingué.'): string[] =>
    analyzed(replyChain(parent, reply))
      .comments[1].stance!.evidence.filter((e) => e.kind === 'agreement' || e.kind === 'disagreement')
      .map((e) => e.text);

  test.each([
    // An embarrassed laugh (😅) shares no amusement: alone it agrees with nothing ...
    ['Aucune idée 😅', 'none'],
    // ... and in a sentence addressed to the parent it softens a jab.
    ["C'est un peu grâce à toi tout ça 😅", 'disagree'],
    // Amused laughter with a second-person statement stays appreciation.
    ['Tu me fais rire 😂', 'agree'],
    // A second-person question without its "?" (informal writing), with laughter, is teasing.
    ["😂 tu l'as payé combien ton avis", 'disagree'],
    // Laughter is skipped like an interjection before a start cue.
    ['mdr exactement', 'agree'],
    // Thanks closing a retort with a grin are ironic; thanks opening a reply are not.
    ["J'ai passé l'âge des leçons, merci bien 😄", 'disagree'],
    ['Merci pour le lien.', 'agree'],
    // An eye-roll anywhere in the reply, even in its last sentence.
    ["Encore cet argument. On l'a lu cent fois. Toujours la même rengaine 🙄", 'disagree'],
    // A counter-question: "Et" + determiner, first sentence ending in "?".
    ['Et les serveurs, ils appartiennent à qui ?', 'disagree'],
    ['Et puis ils ont racheté le studio.', 'agree'],
    // "quand même" concedes against the parent; the exclamative "c'est quand même" does not.
    ['Le board a quand même tenu trois jours.', 'disagree'],
    ["C'est quand même fou cette histoire.", 'none'],
    // Denying that something proves or means what the parent says.
    ['Ça ne prouve pas grand-chose.', 'disagree'],
    ['Un chiffre isolé, ça ne veut pas dire une tendance.', 'disagree'],
    // A dislocated negative copula: "X, ce n'est pas Y".
    ["Racheter des parts, ce n'est pas diriger.", 'disagree'],
    ["Ce n'est pas faux.", 'agree'],
    // An echo question throws the parent's word back ("flingué"), then answers it.
    ['Flingué ? Il a surtout protégé la mission.', 'disagree'],
    // Corrections and calls to realism (sixth session).
    ['Pas tout à fait.', 'disagree'],
    ['Renseigne-toi avant de poster, le contrat est public.', 'disagree'],
    ['Faut être réaliste, ils avaient besoin des serveurs.', 'disagree'],
    // A concession: "oui" closing a clause of words grants a part to restrict the rest.
    ['Pour les joueurs, oui. Pour le studio, c’est une autre histoire.', 'disagree'],
    ['Oui oui, il a tout flingué.', 'agree'],
  ])('%s -> %s', (reply, expected) => {
    expect(agreementOf(reply)).toBe(expected);
  });

  test('the evidence names each new signal', () => {
    expect(agreementEvidence("C'est un peu grâce à toi tout ça 😅")).toEqual(['laughs at comment 1 while addressing it: "😅" (teasing)']);
    expect(agreementEvidence("J'ai passé l'âge des leçons, merci bien 😄")).toEqual(['disagrees with comment 1: "merci bien 😄" (ironic-thanks)']);
    expect(agreementEvidence('Toujours la même rengaine 🙄')).toEqual(['rolls its eyes at comment 1: "🙄" (exasperation)']);
    expect(agreementEvidence('Et les serveurs, ils appartiennent à qui ?')).toEqual(['raises what comment 1 leaves out: "Et les … ?" (counter-question)']);
    expect(agreementEvidence("Racheter des parts, ce n'est pas diriger.")).toEqual(['corrects comment 1 with a contrastive negation (", ce … pas")']);
    expect(agreementEvidence('Flingué ? Il a surtout protégé la mission.')).toEqual(['throws a word of comment 1 back as a question ("Flingué … ?")']);
  });

  test('the helpers, on sentences of their own', () => {
    const tokens = (text: string) => tokenizeForCues(text, schema.tables.clauseConnectors);
    // Words of statements only (5 letters or more, negators left out); the question's are not claims.
    expect([...echoWords(tokens('Le studio sort le jeu ? Troisième report, jamais vu.'), schema)]).toEqual(['troisieme', 'report']);
    const teased = tokens('😂 tu as payé combien');
    expect([questionsParent(teased, teased.tokens.length, schema), addressesParent(teased, 0, schema)]).toEqual([true, true]);
    const plain = tokens('Je ne sais pas combien ça coûte 😂');
    expect([questionsParent(plain, plain.tokens.length, schema), addressesParent(plain, 0, schema)]).toEqual([false, false]);
    expect(counterQuestion(tokens('Et les salaires ?').tokens, 0, schema)).toBe('Et les');
    expect(counterQuestion(tokens('Et les salaires augmentent.').tokens, 0, schema)).toBeUndefined();
    // The parent's words: "report" and "troisieme" (folded). A short question taking one up is an
    // echo; a long one, or a statement, is not.
    const stated = new Set(['report', 'troisieme']);
    expect(echoQuestion(tokens('Un report ? Non, une annulation.').tokens, 0, stated, 5)).toBe('report');
    expect(echoQuestion(tokens('Un report ?').tokens, 0, new Set<string>(), 5)).toBeUndefined();
    expect(echoQuestion(tokens('Tu es bien sûr que ce sera encore un report ?').tokens, 0, stated, 5)).toBeUndefined();
    expect(echoQuestion(tokens('Un report, oui.').tokens, 0, stated, 5)).toBeUndefined();
    const conceded = (text: string): string | undefined => {
      const t = tokens(text);
      return concessiveYes(t.tokens, 0, t.tokens.length, schema);
    };
    expect([
      conceded('Pour les joueurs, oui. Pour le studio, non.'),
      conceded('À court terme oui, après on verra bien.'),
      conceded('Mais oui, tout à fait.'),
      conceded('Oui oui, tout à fait.'),
      conceded('Bien vu. Oui, exactement ça.'),
      conceded('Pour les joueurs, oui.'),
    ]).toEqual([', oui', 'terme oui', undefined, undefined, undefined, undefined]);
    expect(eyeRoll(tokens('Bon. Passons 🙄🏻').tokens, schema)).toBe('🙄🏻');
    expect(eyeRoll(tokens('Bon. Passons 😉').tokens, schema)).toBeUndefined();
  });

  test('answering a question: a "mais" inside a sentence of the answer is no rebuttal; one opening a sentence is', () => {
    const question = 'Est-ce que le studio a confirmé la date ?';
    expect(agreementOf('Non, ils ont annoncé le trimestre, mais pas le jour.', question)).toBe('none');
    expect(agreementOf('Pas encore. Mais ta question suppose une date fixe.', question)).toBe('disagree');
    expect(agreementOf('Le studio a confirmé, mais pour mars.', 'Le board a tout flingué.')).toBe('disagree');
  });

  test('a questioning parent may still be corrected on what it stated, not on what it asked', () => {
    const parent = 'Vous avez vu ça ? Troisième report en deux ans.';
    expect(agreementOf('Deuxième, pas troisième.', parent)).toBe('disagree');
    expect(agreementOf('Mars, pas avril.', parent)).toBe('none');
    // The words of a question are not claims: negating them answers it.
    expect(agreementOf("Non, il n'y a aucun report.", 'Il y a un report ?')).toBe('none');
    expect(agreementOf("Il n'y a aucun report.", 'Encore un report.')).toBe('disagree');
  });

  test('a negation inside the reply\'s own quotation marks does not answer the quoted parent', () => {
    const thread = analyzed(threadWithQuotedParent('On dit « une victoire à la Pyrrhus », pas « une Pyrrhus ».'));
    expect(thread.comments[1].stance!.evidence.filter((e) => e.kind === 'disagreement').map((e) => e.text)).toEqual([
      'quotes comment 1 and answers with a negation ("pas")',
    ]);
    const cited = analyzed(threadWithQuotedParent('On écrit « ils n\'ont pas gagné » en français.'));
    expect(cited.comments[1].agreement).toBe('none');
  });
});

describe('stance through the reply tree', () => {
  test('an agreeing reply without its own cues inherits, less surely, through a chain', () => {
    const thread = analyzed(replyChain('Coup de maître de Satya.', 'Bien vu.', 'Exactement.', '+1'));
    expect(rows(thread)).toEqual([
      '1 pro-microsoft 0.667 none',
      '2 pro-microsoft 0.533 agree',
      '3 pro-microsoft 0.427 agree',
      '4 pro-microsoft 0.341 agree',
    ]);
    expect(thread.comments[2].stance!.evidence).toEqual([
      { kind: 'agreement', label: 'pro-microsoft', weight: 0, text: 'agrees with comment 2: "Exactement" (agree-opener)', fromIndex: 2, sign: 'agree-opener' },
      { kind: 'inherited', label: 'pro-microsoft', weight: 1.28, text: 'inherited from comment 2', fromIndex: 2 },
    ]);
    expect(thread.comments[2].stance!.scores).toEqual({ 'pro-microsoft': 1.28, 'pro-board': 0, sceptical: 0, neutral: 1 });
  });

  test('an agreeing reply with its own position keeps it', () => {
    expect(rows(analyzed(replyChain('Coup de maître de Satya.', 'Oui oui, des magouilles comme toujours.')))).toEqual([
      '1 pro-microsoft 0.667 none',
      '2 sceptical 0.667 agree',
    ]);
  });

  test('thanks for information agree but do not carry the stance', () => {
    expect(rows(analyzed(replyChain('Coup de maître de Satya.', 'Merci pour l\'info.')))).toEqual([
      '1 pro-microsoft 0.667 none',
      '2 neutral 1 agree',
    ]);
  });

  test('agreeing with a neutral parent stays neutral', () => {
    expect(rows(analyzed(replyChain('Altman arrive chez Microsoft lundi.', 'Bien vu.')))).toEqual(['1 neutral 1 none', '2 neutral 1 agree']);
  });

  test('a disagreeing reply without a position of its own takes the counter-stance of its parent\'s', () => {
    // Measured on the six labelled Altman threads (session 4): replies disagreeing with a
    // pro-Microsoft or pro-board comment are mostly sceptical (25 of 36), with a sceptical one
    // mostly pro-Microsoft (14 of 23), for every writer.
    const thread = analyzed(threadWithDisagreeingReply());
    expect(rows(thread)).toEqual(['1 pro-microsoft 0.667 none', '2 sceptical 0.533 disagree']);
    expect(thread.comments[1].stance!.evidence).toEqual([
      { kind: 'moved-away', label: 'pro-microsoft', weight: -0.333, text: 'disagrees with comment 1 (pro-microsoft)', fromIndex: 1 },
      { kind: 'counter-stance', label: 'sceptical', weight: 0.667, text: 'answers pro-microsoft comment 1 with disagreement', fromIndex: 1 },
      { kind: 'disagreement', label: 'pro-microsoft', weight: 0, text: 'disagrees with comment 1: "Non" (no)', fromIndex: 1, sign: 'no' },
    ]);
  });

  test('a sceptical comment contradicted without a position of the reply\'s own: the reply is pro-Microsoft', () => {
    expect(rows(analyzed(replyChain('Victoire à la Pyrrhus pour Redmond.', 'Pas du tout.')))).toEqual(['1 sceptical 0.667 none', '2 pro-microsoft 0.533 disagree']);
  });

  test('a disagreeing reply with a weak cue for its parent\'s label loses it', () => {
    const thread = analyzed(replyChain('Coup de maître de Satya.', 'Non. Microsoft contrôle peut-être, et alors.'));
    expect([thread.comments[1].stance!.label, thread.comments[1].stance!.scores['pro-microsoft']]).toEqual(['neutral', 0.667]);
  });

  test('quoted text is the quoted author\'s position: only the reply\'s own words count', () => {
    const thread = analyzed(threadWithQuotedParent('Signé Jules César. Coup de maître de Satya, oui.'));
    expect(thread.comments[1].text).toBe("« C'est une victoire à la Pyrrhus pour Microsoft. »\nSigné Jules César. Coup de maître de Satya, oui.");
    expect(rows(thread)).toEqual(['1 sceptical 0.667 none', '2 pro-microsoft 0.667 disagree']);
    expect(thread.comments[1].stance!.evidence.map((e) => `${e.kind} ${e.label} ${e.text}`)).toEqual([
      'target pro-microsoft Coup de maître (Satya)',
      'moved-away sceptical disagrees with comment 1 (sceptical)',
      'disagreement sceptical another stance than comment 1 (sceptical)',
    ]);
  });

  test('a 100,000-deep chain of agreements is processed without recursion', () => {
    const thread = analyzed(deepAgreeingChain(100_000));
    const last = thread.comments[99_999];
    expect([last.depth, last.agreement, last.stance!.label, last.stance!.confidence]).toEqual([100_000, 'agree', 'pro-microsoft', 0]);
    expect(rows(thread).slice(0, 3)).toEqual(['1 pro-microsoft 0.667 none', '2 pro-microsoft 0.533 agree', '3 pro-microsoft 0.427 agree']);
  });
});
