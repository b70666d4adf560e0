/** The five real corpus files: formats, titles, clean article bodies and lossless line accounting. */
import { readFileSync } from 'node:fs';
import { parseThread } from '../../src/parse/index.js';
import type { LineAccounting, ParsedThread } from '../../src/model.js';

const read = (name: string) => readFileSync(new URL(`../../corpus/${name}`, import.meta.url), 'utf8');
const FILES = [
  'macg-altman-microsoft-comments.txt', 'bloomberg-altman-microsoft-probleme-openai.txt',
  'digest-consolidation-ia-generative.txt', 'lexpress-roi-altman-est-mort.txt', 'zdnet-altman-rejoint-microsoft.txt',
];
const parsed = new Map<string, ParsedThread>(FILES.map((name) => [name, parseThread(read(name), `corpus/${name}`)]));
const get = (name: string) => parsed.get(name) as ParsedThread;
/** Line `n` (1-based) of a corpus file, trimmed: expected body lines are read from the input itself. */
const line = (name: string, n: number) => read(name).split('\n')[n - 1].trim();
const paragraphs = (name: string) => get(name).article.text.split('\n\n');

/** How many buckets claim each 1-based line (only non-blank lines are looked at). */
function claims(accounting: LineAccounting, lineCount: number): number[] {
  const counts = new Array<number>(lineCount + 1).fill(0);
  const buckets = [accounting.header, accounting.article, accounting.comments, accounting.footer, accounting.metadata,
    accounting.unparsed, accounting.chrome ?? [], accounting.duplicate ?? []];
  for (const ranges of buckets) for (const range of ranges) for (let n = range.start; n <= range.end; n++) counts[n]++;
  return counts;
}

test.each(FILES)('%s: every non-blank line lands in exactly one bucket', (name) => {
  const lines = read(name).split('\n');
  const counts = claims(get(name).lines, lines.length);
  const wrong = lines.flatMap((text, i) => (text.trim() !== '' && counts[i + 1] !== 1 ? [i + 1] : []));
  expect(wrong).toEqual([]);
});

test('formats and titles', () => {
  expect(FILES.map((name) => [get(name).format, get(name).title, get(name).comments.length])).toEqual([
    ['macg', 'Viré d\'OpenAI, Sam Altman atterrit chez Microsoft', 48],
    ['article', 'Sam Altman rejoignant Microsoft ne résoudra pas le problème d’OpenAI', 0],
    ['article', 'Consolidation de l\'IA générative : les inquiétudes pour l\'avenir d\'OpenAI', 0],
    ['article', 'OpenAI : le roi Altman est mort, vive le roi', 0],
    ['article', 'Sam Altman rejoint Microsoft : quel avenir pour OpenAI et ChatGPT ?', 0],
  ]);
});

test('MacG: byline, caption and related-article lines are not body', () => {
  const macg = get('macg-altman-microsoft-comments.txt');
  expect(macg.article.author).toBe('Stéphane Moussie');
  expect(macg.article.meta).toEqual({
    caption: 'Sam Altman en 2015. Image TechCrunch (CC BY).',
    related: 'Retour sur OpenAI, le créateur de ChatGPT qui mène intelligemment sa barque',
  });
  expect(paragraphs('macg-altman-microsoft-comments.txt')).toEqual([5, 9, 11, 13].map((n) => line('macg-altman-microsoft-comments.txt', n)));
  expect(macg.lines).toEqual(expect.objectContaining({
    header: [{ start: 1, end: 3 }], article: [{ start: 5, end: 5 }, { start: 9, end: 13 }],
    metadata: [{ start: 7, end: 7 }, { start: 15, end: 17 }], footer: [{ start: 418, end: 420 }], unparsed: [],
  }));
  expect(macg.warnings).toEqual([]);
});

test('MacG: the exact author of each of the 48 comments', () => {
  expect(get('macg-altman-microsoft-comments.txt').comments.map((c) => c.author)).toEqual([
    'jopaone', 'Baptiste_nv18', 'Dimemas', 'TDBI', 'Arnaudvietnam', 'pumk1n', 'Arnaudvietnam', 'pumk1n',
    'Stéphane Moussie', 'lmouillart', 'Dark Phantom', 'Arnaud33', 'Scooby-Doo', 'Dark Phantom', 'Scooby-Doo',
    'Dark Phantom', 'iamkvn', 'oomu', 'adrien1987', 'oomu', 'oomu', 'vince29', 'Scooby-Doo', 'vincentn',
    'Scooby-Doo', 'Scooby-Doo', 'powergeek', 'Scooby-Doo', 'jopaone', 'dvsn', 'jackhal', 'IsaPain', 'zoubi2',
    'Dark Phantom', 'cybercooll', 'Scooby-Doo', 'occam', 'misc', 'lmouillart', 'jackhal', 'Paquito06',
    'P\'tit Suisse', 'Mac1978', 'Scooby-Doo', 'occam', 'vincentn', 'vincentn', 'occam',
  ]);
});

test('MacG: empty comments, ids, first lines, and the last comment stops before the footer', () => {
  const comments = get('macg-altman-microsoft-comments.txt').comments;
  expect(comments.filter((c) => c.text === '').map((c) => c.id)).toEqual(['c10', 'c39']);
  expect(comments.slice(0, 3).map((c) => [c.id, c.line, c.text])).toEqual([
    ['c1', 19, 'Satya Nadella vient d’annoncer que Sam Altman et Greg Brockman rejoignent Microsoft pour monter une nouvelle équipe de recherche en IA'],
    ['c2', 23, '@jopaone\n\n???'],
    ['c3', 29, 'c\'était ça ou musk ...'],
  ]);
  expect(comments[47].text.endsWith('pourra foutre sera monumentale. 🥸')).toBe(true);
});

test('Bloomberg: separators, repeated title, read-more line and NEXT teaser are not body', () => {
  const name = 'bloomberg-altman-microsoft-probleme-openai.txt';
  expect(get(name).article).toEqual({
    author: '', text: get(name).article.text,
    meta: { related: 'En savoir plus sur Bloomberg.com', next: 'NEXT Threads, le rival X de Meta, arrivera en Europe en décembre' },
  });
  const body = paragraphs(name);
  expect([body.length, body[0], body[15]]).toEqual([16, line(name, 7), 'On ne sait pas à quelle équipe Altman faisait référence.']);
  expect(get(name).lines.duplicate).toEqual([{ start: 3, end: 4 }]);
  expect(get(name).lines.chrome).toEqual([{ start: 5, end: 5 }, { start: 23, end: 23 }, { start: 27, end: 27 }, { start: 45, end: 47 }]);
});

test('Digest: title and three body paragraphs', () => {
  const name = 'digest-consolidation-ia-generative.txt';
  expect(paragraphs(name)).toEqual([line(name, 3), line(name, 5), line(name, 7)]);
  expect(get(name).article.meta).toEqual({});
});

test('L\'Express: chrome, syndication fields, the second copy of the article and the SQL error are not body', () => {
  const name = 'lexpress-roi-altman-est-mort.txt';
  const article = get(name).article;
  expect(article.author).toBe('Anne Cagan');
  expect(article.meta).toEqual({
    sourceLink: 'https://www.lexpress.fr/economie/high-tech/openai-le-roi-altman-est-mort-vive-le-roi-X33WMLYATNDRRP7W3XDXLKGT54/',
    date: '2023-11-20 12:16:51',
    copyright: 'Copyright for syndicated content belongs to the linked Source.',
    tags: 'L’Express',
  });
  expect(paragraphs(name)).toEqual([line(name, 11)]);
  expect(paragraphs(name)[0].endsWith('Microsoft, lui, a réussi à un magnifique coup de poker en plein cataclysme.')).toBe(true);
  expect(get(name).lines).toEqual({
    header: [{ start: 4, end: 4 }], article: [{ start: 11, end: 11 }], comments: [], footer: [],
    metadata: [{ start: 15, end: 23 }], unparsed: [],
    chrome: [{ start: 1, end: 2 }, { start: 6, end: 6 }, { start: 27, end: 27 }, { start: 46, end: 46 }],
    duplicate: [{ start: 25, end: 25 }, { start: 32, end: 44 }],
  });
});

test('ZDNet: duplicate standfirst, broken sentences joined, related link and Source field', () => {
  const name = 'zdnet-altman-rejoint-microsoft.txt';
  const body = paragraphs(name);
  expect(body.length).toBe(26);
  expect(body[0]).toBe('Rebondissements chez OpenAI : Altman et Brockman recrutés par Microsoft');
  expect(body[25]).toBe(`${line(name, 61)} ${line(name, 63)}`);
  expect(body[3]).toBe(`${line(name, 13)} ${line(name, 15)}`);
  expect(get(name).article.meta).toEqual({
    related: 'Pour aller plus loin sur l\'incidence de l\'affaire Sam Altman / OpenAI sur le secteur de l\'IA en entreprise',
    source: 'ZDNet.com',
  });
  expect(get(name).lines.duplicate).toEqual([{ start: 7, end: 7 }]);
});
