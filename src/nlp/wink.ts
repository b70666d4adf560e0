import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The wink-nlp instance and its `its` helpers, as the French tokenizer uses them. */
export type Wink = ReturnType<typeof winkNLP>;

let instance: Wink | undefined;

/**
 * The process-wide wink-nlp instance, created on first use. Loading the model costs tens of
 * milliseconds, so it happens once per process. No pipe runs at all (tokenization only): the
 * English model's POS tags, entities and sentiment mean nothing on French text, and its sentence
 * detector alone doubled the cost of a reading; `readFrench` cuts sentences itself.
 */
export function wink(): Wink {
  instance ??= winkNLP(model, []);
  return instance;
}
