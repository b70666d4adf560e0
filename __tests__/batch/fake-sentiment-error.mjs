// A stand-in sentiment worker whose scoring fails on every batch: answers with the error's message.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (request) => parentPort.postMessage({ id: request.id, error: 'lexicon table missing', seconds: 0 }));
