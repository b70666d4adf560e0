/**
 * Entry of an analysis worker thread (`dist/batch/worker.js` once built). It loads the stance
 * schema once, then analyzes the tasks the main thread sends, one at a time, answering each with
 * its {@link TaskOutcome}. It prints nothing: the main thread prints, in input order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSchema, type StanceSchema } from '../stance/index.js';
import { describeError, runTask, type InputTask, type RunSettings, type TaskOutcome } from './task.js';

const settings = (workerData as { settings: RunSettings }).settings;
let schema: StanceSchema | Error;
try {
  schema = loadSchema(settings.schemaFile);
} catch (error) {
  schema = error instanceof Error ? error : new Error(String(error));
}

// One task at a time: the pool sends the next one only when this one's outcome is back.
parentPort?.on('message', async (task: InputTask) => {
  const outcome: TaskOutcome = schema instanceof Error
    ? { position: task.position, source: task.source, ok: false, message: describeError(schema, settings.schemaFile ?? 'default schema') }
    : await runTask(task, settings, schema);
  parentPort?.postMessage(outcome);
});
