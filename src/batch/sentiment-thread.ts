/**
 * Entry of the sentiment worker thread (`dist/batch/sentiment-thread.js` once built; see
 * `sentiment-worker.ts`). It scores the batches of texts the main thread sends, in the order they
 * come, and answers each with its packed scores (sentiments as columns too, see `forTransfer`),
 * the packed own stance readings of its texts when the request names a stance schema (see
 * `readOwnTexts`), and the seconds it took. A batch that throws (a schema that cannot be loaded
 * included) is answered with the error's message, so the main thread fails that input with it.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { ThreadStanceError } from '../errors.js';
import { forTransfer, scoreTexts, transferablesOf, unpackPolarities } from '../sentiment/packed.js';
import { loadSchema } from '../stance/index.js';
import { OwnReader } from '../stance/own-reading.js';
import { readingTransferables, readOwnTexts } from '../stance/packed-reading.js';
import type { SentimentReply, SentimentRequest } from './sentiment-worker.js';

/**
 * A reader per stance schema file, loaded on the first request that names it: a compiled schema
 * does not cross threads, so the worker loads the file the main thread loaded (a run has one).
 */
const readers = new Map<string, OwnReader>();

function readerOf(schemaFile: string): OwnReader {
  let reader = readers.get(schemaFile);
  if (reader === undefined) readers.set(schemaFile, (reader = new OwnReader(loadSchema(schemaFile))));
  return reader;
}

parentPort?.on('message', (request: SentimentRequest) => {
  const start = performance.now();
  let reply: SentimentReply;
  try {
    const packed = scoreTexts(request.texts);
    const readings = request.stanceSchema === undefined
      ? undefined
      : readOwnTexts(request.texts, packed.sentiments, unpackPolarities(packed), readerOf(request.stanceSchema));
    const scores = forTransfer(packed);
    reply = { id: request.id, scores, readings, seconds: (performance.now() - start) / 1000 };
    const transfer = transferablesOf(scores);
    if (readings !== undefined) transfer.push(...readingTransferables(readings));
    parentPort?.postMessage(reply, transfer);
  } catch (error) {
    // A located error (a schema file that cannot be read) keeps its file in the message.
    const message = error instanceof ThreadStanceError ? error.located : error instanceof Error ? error.message : String(error);
    reply = { id: request.id, error: message, seconds: (performance.now() - start) / 1000 };
    parentPort?.postMessage(reply);
  }
});
