// A stand-in sentiment worker that stops its thread with exit code 3 on the first batch (a crash).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => process.exit(3));
