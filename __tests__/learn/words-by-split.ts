/**
 * The words of the learned models' features by their plain definition: as the first version of
 * the features cut them (session 13), each emoji a word of its own (session 17). The scanner of
 * `src/learn/feature-words.ts` is checked against it (word-scan.test, scorer.test).
 */
export function wordsBySplit(text: string): string[] {
  return text.toLowerCase().normalize('NFC').replace(/[’']/g, "' ").replace(/\p{Extended_Pictographic}/gu, ' $& ')
    .split(/[^\p{L}\p{N}\p{Extended_Pictographic}'?!]+|(?=[?!])/u).filter((w) => w !== '');
}
