import { foldAccents, frenchSentences, phraseKeys, readFrench, splitElision } from '../../src/nlp/index.js';

const keysOf = (text: string): string[] => readFrench(text).tokens.map((token) => token.key);

describe('French tokens from wink-nlp', () => {
  test('elisions are split, with a straight or a typographic apostrophe', () => {
    const { tokens } = readFrench("C’était l'échec, aujourd'hui");
    expect(tokens.map((token) => token.text)).toEqual(['C’', 'était', "l'", 'échec', ',', "aujourd'hui"]);
    expect(tokens.map((token) => token.key)).toEqual(["c'", 'était', "l'", 'échec', ',', "aujourd'hui"]);
  });

  test('splitElision leaves words without an elided prefix alone', () => {
    expect(splitElision("qu'il")).toEqual(["qu'", 'il']);
    expect(splitElision("aujourd'hui")).toBeNull();
  });

  test('no-break and narrow no-break spaces are spaces', () => {
    expect(keysOf('Vraiment\u00a0? Oui\u202f!')).toEqual(['vraiment', '?', 'oui', '!']);
  });

  test('an emoji sequence joined by ZWJ is one emoji with the meaning of its first part', () => {
    // wink cuts `🤷🏽‍♂️` at the joiner: the gender sign alone would score as a symbol of its own.
    expect(readFrench('Bof 🤷🏽‍♂️ on verra').tokens.map((token) => [token.text, token.key, token.type, token.start])).toEqual([
      ['Bof', 'bof', 'word', 0],
      ['🤷♂', '🤷', 'emoji', 4],
      ['on', 'on', 'word', 12],
      ['verra', 'verra', 'word', 15],
    ]);
    expect(keysOf('👩‍💻 au boulot')).toEqual(['👩', 'au', 'boulot']);
    // Two emoji side by side without a joiner stay two.
    expect(keysOf('😂👏')).toEqual(['😂', '👏']);
  });

  test('skin-tone modifiers and variation selectors are dropped from emoji', () => {
    const { tokens } = readFrench('Bravo 👏🏼 ❤️');
    expect(tokens.map((token) => [token.key, token.type])).toEqual([
      ['bravo', 'word'],
      ['👏', 'emoji'],
      ['❤', 'emoji'],
    ]);
  });

  test('URLs, mentions, hashtags with accents, emoticons and hyphenated words get their type', () => {
    const { tokens } = readFrench('@jopaone voir https://www.ft.com/content #génial ^^ ;) sous-traiter');
    expect(tokens.map((token) => [token.key, token.type])).toEqual([
      ['@jopaone', 'mention'],
      ['voir', 'word'],
      ['https://www.ft.com/content', 'url'],
      ['génial', 'hashtag'],
      ['^^', 'emoticon'],
      [';)', 'emoticon'],
      ['sous-traiter', 'word'],
    ]);
  });

  test('a line break ends a sentence even without a full stop', () => {
    expect(frenchSentences('Tellement juste !\nDeux fondateurs pour rien\nBref.').map((sentence) => sentence.text)).toEqual([
      'Tellement juste !',
      'Deux fondateurs pour rien',
      'Bref.',
    ]);
  });

  test('sentences carry their tokens', () => {
    const [first, second] = frenchSentences('C’était évident. Apple n’a pas été assez rapide ;)');
    expect(first.tokens.map((token) => token.sentence)).toEqual([0, 0, 0, 0]);
    expect(second.text).toBe('Apple n’a pas été assez rapide ;)');
  });

  test('accents fold for the accent-less fallback', () => {
    expect(foldAccents('débile')).toBe('debile');
    expect(foldAccents('être')).toBe('etre');
  });
});

describe('offsets and sentences cut without wink\'s English sentence detector', () => {
  test('each token knows where it starts in the text (elisions, emoji with skin tone, no-break spaces)', () => {
    const text = "L’échec\u00a0? 👏🏼 Non, c'était prévu";
    const { tokens } = readFrench(text);
    expect(tokens.map((token) => [token.text, token.start, text.slice(token.start, token.start + token.text.length)])).toEqual([
      ['L’', 0, 'L’'],
      ['échec', 2, 'échec'],
      ['?', 8, '?'],
      ['👏', 10, '👏'],
      ['Non', 15, 'Non'],
      [',', 18, ','],
      ["c'", 20, "c'"],
      ['était', 22, 'était'],
      ['prévu', 28, 'prévu'],
    ]);
  });

  test('a sentence ends after . ! ? followed by a space, keeps its closing marks, and not after an ellipsis or an abbreviation', () => {
    expect(frenchSentences('M. Dupont a dit… bof. « Non !! » (Vraiment ?) Ok?! Fin etc. et voilà').map((sentence) => sentence.text)).toEqual([
      'M. Dupont a dit… bof.',
      '« Non !! »',
      '(Vraiment ?)',
      'Ok?!',
      'Fin etc. et voilà',
    ]);
  });

  test('dots after a word wink has never met read as they do once it knows the word: one token, whatever was read before', () => {
    // wink cuts `s'zorgluba...` into `s'zorgluba` `.` `..` the first time it meets the word, and
    // into `s'zorgluba` `...` afterwards; a word no other test uses, so this is its first sight.
    const text = "Tarif réduit. Et il s'zorgluba... sur l'appli 😅";
    const first = readFrench(text);
    const second = readFrench(text);
    expect(first.tokens.map((t) => [t.text, t.sentence])).toEqual([
      ['Tarif', 0], ['réduit', 0], ['.', 0], ['Et', 1], ['il', 1], ["s'", 1], ['zorgluba', 1], ['...', 1], ['sur', 1], ["l'", 1], ['appli', 1], ['😅', 1],
    ]);
    // The same tokens (`keyId`, a handle of the readers' caches, is -1 for a run put back together).
    const visible = (tokens: typeof first.tokens) => tokens.map(({ text, key, type, sentence, spaceBefore, start }) => ({ text, key, type, sentence, spaceBefore, start }));
    expect(visible(second.tokens)).toEqual(visible(first.tokens));
    expect(second.sentences).toEqual(first.sentences);
    expect(frenchSentences('Bof.. mouais. .. Et voilà').map((sentence) => sentence.text)).toEqual(['Bof.. mouais.', '.. Et voilà']);
  });
});

describe('French tokens: ligatures, quotation marks, rule phrases', () => {
  test('words with œ or æ stay whole (wink alone cuts them at the ligature)', () => {
    const { tokens } = readFrench("Mon cœur, l'œil et ex æquo");
    expect(tokens.map((token) => [token.text, token.key, token.type])).toEqual([
      ['Mon', 'mon', 'word'],
      ['cœur', 'coeur', 'word'],
      [',', ',', 'punctuation'],
      ["l'", "l'", 'word'],
      ['œil', 'oeil', 'word'],
      ['et', 'et', 'word'],
      ['ex', 'ex', 'word'],
      ['æquo', 'aequo', 'word'],
    ]);
    expect(tokens.map((token) => token.start)).toEqual([0, 4, 8, 10, 12, 16, 19, 22]);
  });

  test('French quotation marks are punctuation', () => {
    expect(readFrench('« Bof »').tokens.map((token) => [token.key, token.type])).toEqual([
      ['«', 'punctuation'],
      ['bof', 'word'],
      ['»', 'punctuation'],
    ]);
  });

  test('a rule phrase ending with an elided word keeps it as one key', () => {
    expect(phraseKeys("en dépit d'")).toEqual(['en', 'dépit', "d'"]);
    expect(phraseKeys("voué à l'échec")).toEqual(['voué', 'à', "l'", 'échec']);
  });
});
