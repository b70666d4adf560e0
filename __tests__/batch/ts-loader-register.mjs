// `--import` this file in a worker's execArgv to run the TypeScript sources (see ts-loader-hooks.mjs).
import { register } from 'node:module';

register('./ts-loader-hooks.mjs', import.meta.url);
