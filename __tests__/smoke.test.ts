import { main } from '../src/cli.js';
import { ThreadStanceError } from '../src/errors.js';

test('the CLI runs in-process and returns an exit code', async () => {
  expect(await main([])).toBe(0);
});

test('errors print as file:line: message', () => {
  expect(new ThreadStanceError('X', 'bad thing', { file: 'a.txt', line: 3 }).located).toBe('a.txt:3: bad thing');
});
