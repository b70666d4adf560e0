import { termsOf, verdict } from './helpers.js';

/**
 * Constructions of criticism that need no evaluative word (sixth session): the indignant `Et les ... ?`,
 * the neglect of `pendant ce temps`, predictions of failure, tell-offs and the challenge
 * `vous connaissez beaucoup de ... ?`. Every sentence here was written for these tests; the
 * labels are a reader's.
 */

describe('"Et les ... ?": a question opening with "et" and a determiner objects', () => {
  test('"et les", "et la", "et combien", "et alors" open an objection (-1.2 once, rule rhetorical-question)', () => {
    expect(termsOf('Et les retraités, dans tout ça ?')).toEqual(['et les ?=-1.2[rhetorical-question]']);
    expect(verdict('Et la facture, qui la règle ?')).toEqual(['negative', -1.2]);
    expect(termsOf('Et combien ça coûte au contribuable ?')).toEqual(['et combien ?=-1.2[rhetorical-question]']);
    expect(verdict('Et alors ?')).toEqual(['negative', -1.2]);
  });

  test('added to the words of the question, which the question rule damps', () => {
    expect(termsOf('Et les bénéfices, ils vont où ?')).toEqual(['et les ?=-1.2[rhetorical-question]', 'bénéfices=0.053[question]']);
  });

  test('not without the question mark, nor after another opening word, nor "et sinon"', () => {
    expect(termsOf('Et les horaires changent en janvier.')).toEqual([]);
    expect(termsOf('Mais les horaires changent quand ?')).toEqual([]);
    expect(termsOf('Et sinon, le match est à quelle heure ?')).toEqual([]);
  });

  test('the older openers still match after a leading "et"', () => {
    expect(termsOf('Et qui va payer ?')).toEqual(['qui va payer ?=-1.2[rhetorical-question]']);
  });
});

describe('"tu crois que ... ?", "vous pensez vraiment ... ?" doubt what follows (lex-20)', () => {
  test('at the head of the question or of a later clause of it (after a comma or "et"): -1.2 once', () => {
    expect(termsOf('Trois euros le litre et tu crois que les gens vont rouler moins ?')).toEqual(['tu crois que ?=-1.2[rhetorical-question]']);
    expect(termsOf('Après deux ans de travaux, vous pensez vraiment que la ligne ouvrira en mars ?')).toEqual(['vous pensez vraiment ?=-1.2[rhetorical-question]']);
    expect(termsOf('On a tout essayé, vous croyez vraiment ?')).toEqual(['vous croyez vraiment ?=-1.2[rhetorical-question]']);
  });

  test('not in a statement, and an opener that starts with a lead word ("et les") only at the head', () => {
    expect(termsOf('Tu crois que le train part à midi.')).toEqual([]);
    expect(termsOf('On part à midi, tu crois que le train sera là.')).toEqual([]);
    expect(termsOf('Il a plu toute la nuit, et les horaires ?')).toEqual([]);
  });
});

describe('"vous connaissez beaucoup de ... ?" challenges the reader to name one', () => {
  test('scores -1.2 once, rule rhetorical-question', () => {
    expect(termsOf('Vous connaissez beaucoup de patrons qui rendent leur prime ?')).toEqual(['vous connaissez beaucoup ?=-1.2[rhetorical-question]']);
    expect(verdict('Tu en connais beaucoup, toi, des loyers à ce prix ?')).toEqual(['negative', -1.2]);
  });

  test('not as a statement', () => {
    expect(termsOf('Vous connaissez beaucoup de monde ici.')).toEqual([]);
  });
});

describe('"pendant ce temps" sets the debate against what is neglected', () => {
  test('a sentence opening with it scores -1 once, rule exasperation', () => {
    expect(termsOf('Pendant ce temps, la piscine reste fermée.')).toEqual(['pendant=-1[exasperation]']);
    expect(verdict('Et pendant ce temps-là, les loyers montent.')).toEqual(['negative', -1]);
  });

  test('not inside a sentence, nor when its sentence praises', () => {
    expect(termsOf('Il a lu pendant ce temps.')).toEqual([]);
    expect(termsOf('Pendant ce temps, les bénévoles font un travail formidable.')).toEqual(['formidable=2.5']);
  });
});

describe('predictions of failure', () => {
  test('"on en reparlera" wherever it stands', () => {
    expect(termsOf('Un tram toutes les cinq minutes ? On en reparlera.')).toEqual(['on en reparlera=-1.2']);
    expect(verdict('La fibre pour juin, on en reparlera en décembre.')).toEqual(['negative', -1.2]);
  });

  test('"rendez-vous dans" opening a sentence, rule exasperation', () => {
    expect(termsOf('Rendez-vous dans un an pour le bilan.')).toEqual(['rendez-vous=-1[exasperation]']);
    expect(termsOf('On se donne rendez-vous dans le hall.')).toEqual([]);
  });
});

describe('tell-offs addressed to the one answered', () => {
  test('"renseigne-toi un peu", "réfléchissez deux secondes", "un peu de rigueur"', () => {
    expect(termsOf('Renseigne-toi un peu, la loi a changé.')).toEqual(['renseigne-toi un peu=-1.2']);
    expect(verdict('Réfléchissez deux secondes avant de voter.')).toEqual(['negative', -1.5]);
    expect(termsOf('Un peu de rigueur dans les chiffres.')).toEqual(['un peu de rigueur=-1.2']);
  });

  test('"faire le malin" is no praise of cleverness', () => {
    expect(termsOf('Il veut toujours faire le malin.')).toEqual(['faire le malin=-1.2']);
    expect(termsOf('Un garçon malin.')).toEqual(['malin=1']);
  });

  test('advice to get informed is not a tell-off', () => {
    expect(termsOf('Renseignez-vous auprès de la mairie.')).toEqual([]);
  });
});
