import { termsOf, verdict } from './helpers.js';

// Round 2: broader mechanisms found on the threads of new writers, each checked on sentences written for the test.

describe('the vote "+1" opening a sentence is approval', () => {
  test('alone it approves', () => {
    expect(verdict('+1')).toEqual(['positive', 1.5]);
  });

  test('with more words it adds to them', () => {
    expect(termsOf('+1, excellente idée.')).toEqual(['+1=1.5', 'excellente=2.7']);
  });

  test('inside a sentence it is a number', () => {
    expect(verdict('Le score final était de +1 pour nous.')).toEqual(['neutral', 0]);
  });
});

describe('thanks that open a comment make its negative words the reasons for the thanks (x0.1)', () => {
  test('what the thanked person spared the writer', () => {
    expect(termsOf("Merci pour ce rappel, j'avais complètement raté l'info.")).toEqual(['merci=1.5', 'raté=-0.26[intensifier,thanks]']);
    expect(verdict("Merci pour ce rappel, j'avais complètement raté l'info.")).toEqual(['positive', 1.24]);
  });

  test('without the thanks the same words complain', () => {
    expect(verdict("Ce rappel est utile, j'avais raté l'info.")).toEqual(['neutral', -0.5]);
  });

  test('an objection after "mais" is not damped', () => {
    expect(termsOf("Merci pour la réponse, mais c'est honteux.")).toEqual(['merci=0.75[contrast]', 'honteux=-3.75[contrast]']);
  });

  test('"merci de" + infinitive is left alone (sarcastic thanks)', () => {
    expect(termsOf('Merci de nous prendre pour des idiots.')).toEqual(['merci=1.5', 'prendre pour des=-1.5', 'idiots=-2']);
  });

  test('irony after the thanks stays irony', () => {
    expect(termsOf('Merci ! Donc encore une panne... génial 😑')).toEqual(['merci=1.5', 'panne=-0.15[thanks]', 'génial=-2.24[sarcasm]', '😑=-1']);
    expect(verdict('Merci ! Donc encore une panne... génial 😑')).toEqual(['negative', -1.89]);
  });
});

describe('regret that opens a comment makes its positive words what is lost (x0.1)', () => {
  test('the praise of what is gone is regret', () => {
    expect(termsOf('Dommage, le parc était vraiment agréable.')).toEqual(['dommage=-1.5', 'agréable=0.117[intensifier,regret]']);
    expect(verdict('Dommage, le parc était vraiment agréable.')).toEqual(['negative', -1.383]);
  });

  test('praise after "mais" turns the page and is not damped', () => {
    expect(verdict('Dommage, mais le nouveau parc est magnifique.')).toEqual(['positive', 3.75]);
  });
});

describe('a sentence that names its source reports facts (negative words x0.3)', () => {
  test('"selon" + a source', () => {
    expect(termsOf('Selon la préfecture, la panne a causé un retard de deux heures.')).toEqual(['panne=-0.45[report]', 'retard=-0.3[report]']);
    expect(verdict('Selon la préfecture, la panne a causé un retard de deux heures.')).toEqual(['neutral', -0.75]);
  });

  test('the same facts without a source read as a complaint', () => {
    expect(verdict('La panne a causé un retard énorme.')).toEqual(['negative', -2]);
  });

  test('"selon moi" is an opinion, not a source', () => {
    expect(verdict("Selon moi, c'est une honte absolue.")).toEqual(['negative', -2.5]);
  });
});

describe('laughter in a comment that opens by rebutting mocks the one answered', () => {
  test('"Sauf que ... 😂" is derision', () => {
    expect(termsOf('Sauf que la batterie ne se change pas toute seule 😂')).toEqual(['😂=-1[irony]']);
  });

  test('the same laughter without the rebuttal is light-hearted', () => {
    expect(termsOf('La batterie ne se change pas toute seule 😂')).toEqual(['😂=1']);
  });
});
