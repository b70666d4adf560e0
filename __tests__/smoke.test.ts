import { main } from '../src/cli.js';
import { ThreadStanceError } from '../src/errors.js';

test('the CLI runs in-process and returns exit code 0 for --version', async () => {
  expect(await main(['--version'], { stdout: () => {}, stderr: () => {} })).toBe(0);
});

test('errors print as file:line: message', () => {
  expect(new ThreadStanceError('X', 'bad thing', { file: 'a.txt', line: 3 }).located).toBe('a.txt:3: bad thing');
});
