/**
 * Which part of a request's work a CPU profile frame belongs to. A sample's time goes to the first
 * frame, from the sampled function up its callers, that names a component: a native or node-internal
 * helper (an HMAC, Buffer.toString, JSON.stringify) counts for the code that called it.
 */

/** The components, in the order the report lists them. */
export const COMPONENTS = [
  'Node HTTP and sockets',
  'Express routing and middleware',
  'body parsing',
  'signature',
  'rate limit',
  'metrics',
  'logging',
  'SMS and voice handlers',
  'dialog',
  'wink-nlp reading',
  'stemming',
  'features',
  'scoring',
  'small talk',
  'understanding, other',
  'TwiML',
  'bench server',
  'GC',
  'V8 outside JS ((program))',
  'Node, other',
  'other',
] as const;

export type Component = (typeof COMPONENTS)[number];

/** The components that are understanding: the classifier and wink-nlp. */
export const UNDERSTANDING: ReadonlySet<Component> = new Set<Component>([
  'wink-nlp reading',
  'stemming',
  'features',
  'scoring',
  'small talk',
  'understanding, other',
]);

const PACKAGES: Record<string, Component> = {};
function packages(component: Component, names: string): void {
  for (const name of names.split(' ')) PACKAGES[name] = component;
}
packages(
  'Express routing and middleware',
  'express router finalhandler path-to-regexp parseurl encodeurl escape-html on-finished ee-first depd send serve-static vary statuses mime-types mime-db content-disposition cookie cookie-signature fresh range-parser proxy-addr forwarded ipaddr.js accepts negotiator merge-descriptors utils-merge methods etag setprototypeof safe-buffer inherits is-promise',
);
packages('body parsing', 'body-parser raw-body qs type-is media-typer iconv-lite bytes content-type unpipe destroy http-errors safer-buffer side-channel side-channel-list side-channel-map side-channel-weakmap');
packages('signature', 'twilio scmp');
packages('metrics', 'prom-client tdigest bintrees');
packages(
  'logging',
  'pino sonic-boom fast-redact @pinojs/redact quick-format-unescaped safe-stable-stringify fast-safe-stringify thread-stream on-exit-leak-free atomic-sleep pino-std-serializers real-require process-warning pino-http',
);
packages('wink-nlp reading', 'wink-nlp wink-eng-lite-web-model');
packages('TwiML', 'xmlbuilder entities sms-segments-calculator fast-xml-parser fast-xml-builder');

/** The line's own files (under src/, as .ts or built .js), by path prefix. */
const OWN: readonly (readonly [string, Component])[] = [
  ['http/form', 'body parsing'],
  ['http/signature', 'signature'],
  ['http/', 'Express routing and middleware'],
  ['app.', 'Express routing and middleware'],
  ['ops/health', 'Express routing and middleware'],
  ['ops/rate-limit', 'rate limit'],
  ['ops/metrics', 'metrics'],
  ['log.', 'logging'],
  ['channels/', 'SMS and voice handlers'],
  ['dialog/', 'dialog'],
  ['line.', 'dialog'],
  ['nlu/wink.', 'wink-nlp reading'],
  ['nlu/analyzer.', 'features'],
  ['nlu/features.', 'features'],
  ['nlu/text.', 'features'],
  ['nlu/spelling.', 'features'],
  ['nlu/synonyms.', 'features'],
  ['nlu/stopwords.', 'features'],
  ['nlu/classifier.', 'scoring'],
  ['nlu/softmax.', 'scoring'],
  ['eval/threshold.', 'scoring'],
  ['nlu/smalltalk.', 'small talk'],
  ['nlu/', 'understanding, other'],
  ['render/', 'TwiML'],
];

/** Node's own modules that are the HTTP server and its sockets. */
const NODE_HTTP = /^node:(?:_http_|https?$|net$|stream$|internal\/(?:streams\/|stream_base_commons|http|js_stream_socket|net))/;

/**
 * The component a frame names, or undefined when it is a helper that counts for its caller
 * (natives, node's buffer, crypto, events and the like).
 */
export function componentOf(url: string, functionName: string): Component | undefined {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(program)') return 'V8 outside JS ((program))';
    return undefined;
  }
  if (url.includes('porter-stemmer')) return 'stemming';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (pkg) {
    const [, name = '', rest = ''] = pkg;
    if (name === 'twilio' && rest.includes('/twiml/')) return 'TwiML';
    return PACKAGES[name] ?? 'other';
  }
  const own = /\/src\/(.*)$/.exec(url);
  if (own) {
    const path = own[1] ?? '';
    for (const [prefix, component] of OWN) if (path.startsWith(prefix)) return component;
    return 'other';
  }
  if (/\/bench\//.test(url)) return 'bench server';
  if (url.startsWith('node:')) return NODE_HTTP.test(url) ? 'Node HTTP and sockets' : undefined;
  return 'other';
}
