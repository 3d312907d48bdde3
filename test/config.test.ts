import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, projectRoot } from '../src/config.js';
import { LineError } from '../src/errors.js';

/** The LineError loadConfig throws for `env`. */
function configError(env: NodeJS.ProcessEnv): LineError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof LineError) return err;
    throw err;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      faqFile: join(projectRoot, 'faq-data', 'faq.yaml'),
      twilioAuthToken: undefined,
      publicUrl: undefined,
      nodeEnv: 'development',
      logLevel: 'info',
      logUtterances: true,
      bodyLimit: '64kb',
      rateLimitPerMinute: 10,
      faqWatch: false,
      voiceLanguage: 'en-US',
      voiceName: 'Polly.Joanna-Neural',
      voiceMaxTurns: 20,
      voiceMinConfidence: 0.3,
      twilioAccountSid: undefined,
      twilioApiKey: undefined,
      twilioApiSecret: undefined,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1000,
      shutdownTimeoutMs: 10_000,
      faqMaxBytes: 2 * 1024 * 1024,
      modelCacheDir: join(projectRoot, '.cache', 'models'),
      redisUrl: undefined,
      metricsPort: undefined,
      metricsToken: undefined,
    });
  });

  it('keeps the classifier index in MODEL_CACHE_DIR, relative to the project, and nowhere with off', () => {
    expect(loadConfig({ MODEL_CACHE_DIR: '/var/cache/line' }).modelCacheDir).toBe('/var/cache/line');
    expect(loadConfig({ MODEL_CACHE_DIR: 'tmp/models' }).modelCacheDir).toBe(join(projectRoot, 'tmp', 'models'));
    expect(loadConfig({ MODEL_CACHE_DIR: 'off' }).modelCacheDir).toBeUndefined();
  });

  it('listens on 127.0.0.1 in local mode (no token) and on every interface with a token, unless HOST is set', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ TWILIO_AUTH_TOKEN: 'abc' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ TWILIO_AUTH_TOKEN: 'abc', HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
  });

  it('reads the server timeouts, connection cap, shutdown limit and FAQ size limit', () => {
    const config = loadConfig({ HEADERS_TIMEOUT_MS: '5000', REQUEST_TIMEOUT_MS: '15000', KEEP_ALIVE_TIMEOUT_MS: '65000', MAX_CONNECTIONS: '0', SHUTDOWN_TIMEOUT_MS: '3000', FAQ_MAX_SIZE: '512kb' });
    expect(config).toMatchObject({ headersTimeoutMs: 5000, requestTimeoutMs: 15_000, keepAliveTimeoutMs: 65_000, maxConnections: 0, shutdownTimeoutMs: 3000, faqMaxBytes: 512 * 1024 });
  });

  it('refuses a header timeout longer than the request timeout', () => {
    expect(configError({ HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '10000' }).message).toContain('HEADERS_TIMEOUT_MS');
  });

  it('never echoes a rejected value (it may be a secret pasted into the wrong variable)', () => {
    const secret = 'f3c1a9e07d5b4c2a8e6f1d0b9a7c5e3d';
    for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_API_KEY', 'PORT', 'PUBLIC_URL', 'LOG_LEVEL', 'BODY_LIMIT']) {
      const err = configError({ [name]: secret });
      expect(err.message).toMatch(new RegExp(`^${name}: `));
      expect(err.describe()).not.toContain(secret);
    }
  });

  it('resolves the default FAQ file from the project root, whatever the working directory', () => {
    const { faqFile } = loadConfig({});
    expect(isAbsolute(faqFile)).toBe(true);
    expect(faqFile.startsWith(projectRoot)).toBe(true);
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      FAQ_FILE: '/srv/faq.yaml',
      TWILIO_AUTH_TOKEN: 'abc',
      PUBLIC_URL: 'https://abc.ngrok.app/',
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      LOG_UTTERANCES: 'false',
      BODY_LIMIT: '100kb',
      RATE_LIMIT_PER_MINUTE: '0',
      FAQ_WATCH: 'true',
      VOICE_LANGUAGE: 'en-GB',
      VOICE_NAME: 'Polly.Amy-Neural',
      VOICE_MAX_TURNS: '12',
      VOICE_MIN_CONFIDENCE: '0.5',
      TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
      TWILIO_API_KEY: `SK${'b'.repeat(32)}`,
      TWILIO_API_SECRET: 'secret',
    });
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', faqFile: '/srv/faq.yaml', twilioAuthToken: 'abc', logLevel: 'debug' });
    expect(config).toMatchObject({ publicUrl: 'https://abc.ngrok.app', nodeEnv: 'production', logUtterances: false, bodyLimit: '100kb' });
    expect(config).toMatchObject({ rateLimitPerMinute: 0, faqWatch: true });
    expect(config).toMatchObject({ voiceLanguage: 'en-GB', voiceName: 'Polly.Amy-Neural', voiceMaxTurns: 12, voiceMinConfidence: 0.5 });
    expect(config).toMatchObject({ twilioAccountSid: `AC${'a'.repeat(32)}`, twilioApiKey: `SK${'b'.repeat(32)}`, twilioApiSecret: 'secret' });
  });

  it.each([
    [{ TWILIO_API_KEY: `SK${'b'.repeat(32)}` }],
    [{ TWILIO_API_SECRET: 'secret', TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}` }],
    [{ TWILIO_API_KEY: `SK${'b'.repeat(32)}`, TWILIO_API_SECRET: 'secret' }],
  ])('refuses REST credentials that are incomplete (%j), naming the API key variables', (env) => {
    const err = configError(env);
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('TWILIO_API_KEY');
    expect(err.describe()).toContain('hint:');
  });

  it('treats an empty value as unset, as a .env file line "TWILIO_AUTH_TOKEN=" means', () => {
    expect(loadConfig({ TWILIO_AUTH_TOKEN: '', PORT: '' })).toMatchObject({ twilioAuthToken: undefined, port: 3000 });
  });

  it('refuses to start in production without TWILIO_AUTH_TOKEN, naming it', () => {
    const err = configError({ NODE_ENV: 'production' });
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('TWILIO_AUTH_TOKEN');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'abc.ngrok.app'],
    ['PUBLIC_URL', 'https://abc.ngrok.app/sms?x=1'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['VOICE_LANGUAGE', 'english'],
    ['VOICE_NAME', 'Polly Joanna'],
    ['VOICE_MAX_TURNS', '1'],
    ['VOICE_MAX_TURNS', 'lots'],
    ['VOICE_MIN_CONFIDENCE', '1.5'],
    ['TWILIO_ACCOUNT_SID', 'AC123'],
    ['TWILIO_API_KEY', 'key'],
    ['LOG_UTTERANCES', 'nope'],
    ['BODY_LIMIT', 'big'],
    ['BODY_LIMIT', '999999mb'],
    ['BODY_LIMIT', '2mb'],
    ['BODY_LIMIT', '0'],
    ['HEADERS_TIMEOUT_MS', '10'],
    ['REQUEST_TIMEOUT_MS', 'soon'],
    ['KEEP_ALIVE_TIMEOUT_MS', '-5'],
    ['MAX_CONNECTIONS', 'many'],
    ['SHUTDOWN_TIMEOUT_MS', '999999999'],
    ['FAQ_MAX_SIZE', '1gb'],
    ['FAQ_MAX_SIZE', '100mb'],
    ['REDIS_URL', 'localhost:6379'],
    ['REDIS_URL', 'http://cache:6379'],
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['RATE_LIMIT_PER_MINUTE', '2.5'],
    ['RATE_LIMIT_PER_MINUTE', 'lots'],
    ['FAQ_WATCH', 'yes'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    const err = configError({ [name]: value });
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toMatch(new RegExp(`^${name}: `));
    expect(err.describe()).toContain('hint:');
  });
});
