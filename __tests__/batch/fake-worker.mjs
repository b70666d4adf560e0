// A stand-in analysis worker for pool tests: answers each task after `delay` ms (the number after
// `:` in its source), or stops the thread with exit code 3 when the source is `crash`.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (task) => {
  if (task.source === 'crash') process.exit(3);
  const delay = Number(task.source.split(':')[1] ?? 0);
  setTimeout(() => parentPort.postMessage({ position: task.position, source: task.source, ok: false, message: `done ${task.source} (${task.bytes ? task.bytes.length : 0} bytes)` }), delay);
});
