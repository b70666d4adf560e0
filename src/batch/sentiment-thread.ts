/**
 * Entry of the sentiment worker thread (`dist/batch/sentiment-thread.js` once built; see
 * `sentiment-worker.ts`). It scores the batches of texts the main thread sends, in the order they
 * come, and answers each with its packed scores (sentiments as columns too, see `forTransfer`) and
 * the seconds it took. A batch that throws is answered with the error's message, so the main
 * thread fails that input with it.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { forTransfer, scoreTexts, transferablesOf } from '../sentiment/packed.js';
import type { SentimentReply, SentimentRequest } from './sentiment-worker.js';

parentPort?.on('message', (request: SentimentRequest) => {
  const start = performance.now();
  let reply: SentimentReply;
  try {
    const scores = forTransfer(scoreTexts(request.texts));
    reply = { id: request.id, scores, seconds: (performance.now() - start) / 1000 };
    parentPort?.postMessage(reply, transferablesOf(scores));
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error), seconds: (performance.now() - start) / 1000 };
    parentPort?.postMessage(reply);
  }
});
