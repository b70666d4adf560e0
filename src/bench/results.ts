/**
 * The benchmark's outputs: `bench.json` (machine-readable, stable keys) and `bench.md` (the same
 * figures as tables, with the issue's targets marked PASS or FAIL). Pure: run.ts writes them.
 */
import type { BaselineMeasure, PipelineMeasure, StageSeconds } from './measure.js';
import type { GenerationStats } from './generate.js';
import type { ThreadShape } from './seed-thread.js';

/**
 * A measurement that ran in its own process, with that process's peak resident memory and the
 * machine's 1-minute load average when it started and ended (the machine is shared: a load above
 * the number of cores means the timing was disturbed).
 */
export type InProcess<T> = T & { peakRssMb: number; loadAverage: number[] };

/** Everything measured on one generated thread. */
export interface SizeResult {
  generation: GenerationStats;
  generationSeconds: number;
  pipeline?: InProcess<PipelineMeasure>;
  /** wink-nlp tokenization alone (empty pipe): the target's baseline. */
  tokenize?: InProcess<BaselineMeasure>;
  /** wink-nlp's default English pipe, for comparison with earlier runs. */
  winkDefault?: InProcess<BaselineMeasure>;
  sentiment?: InProcess<BaselineMeasure>;
  /** Why a measurement is missing (`pipeline: parser threw ...`). */
  errors: string[];
}

export interface Machine {
  cpuModel: string;
  cpus: number;
  memoryGb: number;
  node: string;
  platform: string;
}

export interface GeneratorInfo {
  seed: number;
  splitter: string;
  shape: ThreadShape;
}

export interface ScalingPoint {
  comments: number;
  secondsPerComment: number | null;
  peakRssMb: number | null;
}

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  status: 'PASS' | 'FAIL' | 'NOT MEASURED';
}

/** The layout of `bench.json`. Headline figures are those of the largest thread measured. */
export interface BenchJson {
  date: string;
  machine: Machine;
  /** Size (comments) of the thread the headline figures come from. */
  headlineComments: number;
  pipelineWordsPerSec: number | null;
  tokenizeOnlyWordsPerSec: number | null;
  /** wink-nlp with its default pipe (POS, NER, English negation and sentiment): not the target's baseline. */
  winkDefaultPipeWordsPerSec: number | null;
  sentimentOnlyWordsPerSec: number | null;
  pipelineCommentsPerSec: number | null;
  tokenizeOnlyCommentsPerSec: number | null;
  sentimentOnlyCommentsPerSec: number | null;
  /**
   * Words per second of processor time: words over the main thread's busy seconds (its wall time
   * less the time it waited for the sentiment worker) plus the worker's busy seconds. The same as
   * `pipelineWordsPerSec` when the run uses one thread; lower when a second core does part of it.
   */
  pipelineCpuWordsPerSec: number | null;
  /** pipeline words/s divided by each baseline's words/s. */
  pipelineToTokenize: number | null;
  /** `pipelineCpuWordsPerSec` over tokenization alone: what the work costs, whatever the cores. */
  pipelineCpuToTokenize: number | null;
  pipelineToWinkDefaultPipe: number | null;
  pipelineToSentiment: number | null;
  /** Seconds per pipeline stage on the headline thread. */
  stageSeconds: StageSeconds | null;
  scaling: ScalingPoint[];
  sizes: SizeResult[];
  targets: TargetCheck[];
  generator: GeneratorInfo;
}

const MB = 1024 * 1024;
/** The issue's targets. */
const MIN_PIPELINE_TO_TOKENIZE = 0.5;
const MAX_SCALING_RATIO = 1.3;
const MAX_PEAK_RSS_MB = 1.5 * 1024;
const SCALING_BASE = 10_000;
const SCALING_TOP = 1_000_000;

const perSecond = (amount: number, seconds: number | undefined): number | null =>
  seconds === undefined || seconds <= 0 ? null : amount / seconds;
const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : a / b);

/** Busy seconds of a pipeline run on every thread: see `BenchJson.pipelineCpuWordsPerSec`. */
export function busySeconds(pipeline: PipelineMeasure | undefined): number | undefined {
  return pipeline === undefined ? undefined : pipeline.seconds - pipeline.stages.sentimentWait + pipeline.workerSentimentSeconds;
}

/** The `bench.json` object of a run. */
export function benchJson(sizes: SizeResult[], machine: Machine, date: string, generator: GeneratorInfo): BenchJson {
  const sorted = sizes.slice().sort((a, b) => a.generation.comments - b.generation.comments);
  const head = sorted[sorted.length - 1];
  const words = head?.generation.words ?? 0;
  const comments = head?.generation.comments ?? 0;
  const pipelineWordsPerSec = perSecond(words, head?.pipeline?.seconds);
  const pipelineCpuWordsPerSec = perSecond(words, busySeconds(head?.pipeline));
  const tokenizeOnlyWordsPerSec = perSecond(words, head?.tokenize?.seconds);
  const winkDefaultPipeWordsPerSec = perSecond(words, head?.winkDefault?.seconds);
  const sentimentOnlyWordsPerSec = perSecond(words, head?.sentiment?.seconds);
  const scaling: ScalingPoint[] = sorted.map((s) => ({
    comments: s.generation.comments,
    secondsPerComment: s.pipeline ? s.pipeline.seconds / s.generation.comments : null,
    peakRssMb: s.pipeline ? s.pipeline.peakRssMb : null,
  }));
  const json: BenchJson = {
    date, machine, headlineComments: comments,
    pipelineWordsPerSec, pipelineCpuWordsPerSec, tokenizeOnlyWordsPerSec, winkDefaultPipeWordsPerSec, sentimentOnlyWordsPerSec,
    pipelineCommentsPerSec: perSecond(comments, head?.pipeline?.seconds),
    tokenizeOnlyCommentsPerSec: perSecond(comments, head?.tokenize?.seconds),
    sentimentOnlyCommentsPerSec: perSecond(comments, head?.sentiment?.seconds),
    pipelineToTokenize: ratio(pipelineWordsPerSec, tokenizeOnlyWordsPerSec),
    pipelineCpuToTokenize: ratio(pipelineCpuWordsPerSec, tokenizeOnlyWordsPerSec),
    pipelineToWinkDefaultPipe: ratio(pipelineWordsPerSec, winkDefaultPipeWordsPerSec),
    pipelineToSentiment: ratio(pipelineWordsPerSec, sentimentOnlyWordsPerSec),
    stageSeconds: head?.pipeline?.stages ?? null,
    scaling, sizes: sorted, targets: [], generator,
  };
  json.targets = checkTargets(json);
  return json;
}

/** The issue's three targets, checked on what was measured. */
export function checkTargets(json: Pick<BenchJson, 'pipelineToTokenize' | 'scaling' | 'headlineComments'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const speed = json.pipelineToTokenize;
  checks.push({
    name: `pipeline words/s vs wink tokenization alone (at ${json.headlineComments.toLocaleString('en-US')} comments)`,
    target: `>= ${MIN_PIPELINE_TO_TOKENIZE * 100}%`,
    measured: speed === null ? 'n/a' : `${(speed * 100).toFixed(1)}%`,
    status: speed === null ? 'NOT MEASURED' : speed >= MIN_PIPELINE_TO_TOKENIZE ? 'PASS' : 'FAIL',
  });
  const base = json.scaling.find((p) => p.comments === SCALING_BASE)?.secondsPerComment ?? null;
  const top = json.scaling.find((p) => p.comments === SCALING_TOP);
  const growth = ratio(top?.secondsPerComment ?? null, base);
  checks.push({
    name: 'seconds per comment, 1M vs 10k',
    target: `<= ${MAX_SCALING_RATIO}x`,
    measured: growth === null ? 'n/a' : `${growth.toFixed(2)}x`,
    status: growth === null ? 'NOT MEASURED' : growth <= MAX_SCALING_RATIO ? 'PASS' : 'FAIL',
  });
  const rss = top?.peakRssMb ?? null;
  checks.push({
    name: 'peak RSS at 1M comments',
    target: `< ${MAX_PEAK_RSS_MB} MB`,
    measured: rss === null ? 'n/a' : `${Math.round(rss)} MB`,
    status: rss === null ? 'NOT MEASURED' : rss < MAX_PEAK_RSS_MB ? 'PASS' : 'FAIL',
  });
  return checks;
}

const fmt = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined ? 'n/a' : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (value: number | null): string => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);

const STAGES: (keyof StageSeconds)[] = ['parse', 'tree', 'sentiment', 'sentimentWait', 'stance', 'summary', 'reportCsv', 'reportMarkdown', 'reportJson'];

/** `bench.md`: the run as tables, targets first. */
export function benchMarkdown(json: BenchJson): string {
  const out: string[] = [];
  const m = json.machine;
  out.push('# Benchmark', '');
  out.push(`Run ${json.date} on ${m.cpus} × ${m.cpuModel}, ${fmt(m.memoryGb, 1)} GB RAM, Node ${m.node} (${m.platform}), shared with other work.`);
  out.push('Regenerate with `npm run bench` (all sizes) or `npm run build && node --expose-gc dist/bench/run.js --sizes 1000,10000`.', '');
  out.push('## Targets', '', '| target | goal | measured | status |', '|---|---|---|---|');
  for (const t of json.targets) out.push(`| ${t.name} | ${t.target} | ${t.measured} | **${t.status}** |`);
  out.push('');
  out.push('## Throughput', '', 'Words are whitespace-separated tokens of the comment texts, the same count for every column. *tokenize* is wink-nlp with an empty pipe (`winkNLP(model, [])`, the reading the pipeline itself does): the target\'s baseline. *wink default* is wink-nlp with its default English pipe (sentence boundaries, negation, sentiment, part of speech, entities), shown for comparison: it was the baseline of earlier runs. *threads*: a page of 1 MB or more has its sentiment stage scored on a second core, as `thread-stance analyze` does for one large input (the baselines use one thread); *pipeline CPU* counts the busy seconds of both threads (wall time less the main thread\'s wait for the worker, plus the worker\'s scoring time): what the work costs, whatever the cores.', '');
  out.push('| comments | words | input MB | threads | pipeline s | pipeline comments/s | pipeline words/s | tokenize words/s | wink default words/s | sentiment words/s | pipeline / tokenize | pipeline CPU / tokenize | pipeline / wink default | pipeline / sentiment | s per comment | peak RSS MB (pipeline / tokenize / wink default / sentiment) |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const s of json.sizes) {
    const g = s.generation;
    const pw = perSecond(g.words, s.pipeline?.seconds);
    const tw = perSecond(g.words, s.tokenize?.seconds);
    const dw = perSecond(g.words, s.winkDefault?.seconds);
    const sw = perSecond(g.words, s.sentiment?.seconds);
    const cw = perSecond(g.words, busySeconds(s.pipeline));
    const threads = s.pipeline === undefined ? 'n/a' : s.pipeline.sentimentWorker ? '2' : '1';
    out.push(`| ${fmt(g.comments)} | ${fmt(g.words)} | ${fmt(g.bytes / MB, 1)} | ${threads} | ${fmt(s.pipeline?.seconds, 3)} | ${fmt(perSecond(g.comments, s.pipeline?.seconds))} | ${fmt(pw)} | ${fmt(tw)} | ${fmt(dw)} | ${fmt(sw)} | ${pct(ratio(pw, tw))} | ${pct(ratio(cw, tw))} | ${pct(ratio(pw, dw))} | ${pct(ratio(pw, sw))} | ${s.pipeline ? (s.pipeline.seconds / g.comments * 1e6).toFixed(1) + ' µs' : 'n/a'} | ${fmt(s.pipeline?.peakRssMb)} / ${fmt(s.tokenize?.peakRssMb)} / ${fmt(s.winkDefault?.peakRssMb)} / ${fmt(s.sentiment?.peakRssMb)} |`);
  }
  out.push('');
  out.push('## Time per stage (seconds)', '', 'Stages as `src/pipeline.ts` chains them (sentiment and stance share one reading of each text), then the reports as `thread-stance analyze` writes them (`thread.json`, `comments.csv` + `authors.csv`, `summary.md`). A MacG page is read line by line, each comment going through every stage before the next is read: the time of each stage is summed over the comments. Reading and decoding the file counts in `parse` (the baselines get their texts in memory for free). With the sentiment worker (pages of 1 MB or more), `sentiment` is the main thread sending texts and taking scores back, `sentimentWait` its idle wait for them, `stance` what the main thread runs of it (all of it for the batches it reads itself; for those the worker read, only unpacking the readings and what needs the parent: agreement, reply context), and the last column the worker\'s own time (scoring, then, for the share of batches given to it, reading each text\'s own stance: cues, targets, clause sentiment, echo words), overlapped with the other stages (not part of the total).', '');
  out.push(`| comments | ${STAGES.join(' | ')} | total | on the worker |`, `|---:|${STAGES.map(() => '---:').join('|')}|---:|---:|`);
  for (const s of json.sizes) {
    const p = s.pipeline;
    if (!p) {
      out.push(`| ${fmt(s.generation.comments)} | ${STAGES.map(() => 'n/a').join(' | ')} | n/a | n/a |`);
      continue;
    }
    out.push(`| ${fmt(s.generation.comments)} | ${STAGES.map((k) => `${fmt(p.stages[k], 3)} (${pct(p.stages[k] / p.seconds)})`).join(' | ')} | ${fmt(p.seconds, 3)} | ${p.sentimentWorker ? fmt(p.workerSentimentSeconds, 3) : '-'} |`);
  }
  out.push('', 'Load average (1 min) at start → end of each measurement, on ' + m.cpus + ' cores:', '');
  out.push('| comments | pipeline | tokenize | wink default | sentiment |', '|---:|---|---|---|---|');
  const load = (value: InProcess<unknown> | undefined): string => (value ? value.loadAverage.map((l) => l.toFixed(1)).join(' → ') : 'n/a');
  for (const s of json.sizes) out.push(`| ${fmt(s.generation.comments)} | ${load(s.pipeline)} | ${load(s.tokenize)} | ${load(s.winkDefault)} | ${load(s.sentiment)} |`);
  const errors = json.sizes.flatMap((s) => s.errors.map((e) => `- ${fmt(s.generation.comments)} comments: ${e}`));
  if (errors.length) out.push('', '## Missing measurements', '', ...errors);
  const shape = json.generator.shape;
  out.push('', '## Inputs', '');
  out.push(`Synthetic MacG text pages (seed ${json.generator.seed}) built from the ${shape.comments} real comments of \`corpus/macg-altman-microsoft-comments.txt\` (comment blocks split by ${json.generator.splitter === 'parseThread' ? 'the project parser' : "the bench's own splitter"}), shuffled, with the rates measured on the real thread:`);
  out.push(`@replies ${pct(shape.mentionRate)} of comments (mean reach ${shape.meanReplyDistance.toFixed(2)} comments back); quotes in ${pct(shape.quoteRateWithMention)} of @replies and ${pct(shape.quoteRateWithoutMention)} of other comments (${pct(shape.articleQuoteShare)} of those from the article); empty comments ${pct(shape.emptyRate)}.`);
  out.push('Authors are drawn (Zipf) from a pool that grows as comments^0.8.', '');
  out.push('| comments | authors | @replies | quotes | empty |', '|---:|---:|---:|---:|---:|');
  for (const s of json.sizes) {
    const g = s.generation;
    out.push(`| ${fmt(g.comments)} | ${fmt(g.authors)} | ${fmt(g.mentions)} | ${fmt(g.quotes)} | ${fmt(g.emptyComments)} |`);
  }
  const repeated = json.sizes.filter((s) => (s.pipeline?.repetitions ?? 1) > 1).map((s) => `${fmt(s.generation.comments)}: ${s.pipeline?.repetitions}`);
  const repetitions = repeated.length > 0 ? ` Small threads are timed over several repetitions (${repeated.join(', ')}) and the fastest is kept.` : '';
  out.push('', `Each measurement runs in its own child process (peak RSS is \`process.resourceUsage().maxRSS\` of that process). Lexicons, schema and the wink model are loaded before the clock starts.${repetitions}`, '');
  return out.join('\n');
}
