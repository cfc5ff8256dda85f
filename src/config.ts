import { parseDatabaseUrl, type DatabaseTarget } from './db/database.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything Plaudit reads from its environment, validated. */
export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** A PostgreSQL streaming replica for analytics, exports and inbox reads (`DATABASE_READ_URL`). */
  readDatabaseUrl: string | undefined;
  /** Base of the links Plaudit hands out, without a trailing slash. */
  publicUrl: string;
  logLevel: LogLevel;
  /** Trust `X-Forwarded-*` from a proxy in front (the client address for rate limits, HTTPS for cookies). */
  trustProxy: boolean;
  /** Requests per minute one client address may make to the public rating page (GET and POST counted apart). */
  ratingPageRateLimit: number;
  /** Sign-in attempts one client address may make to `POST /auth/sign-in` in five minutes. */
  signInRateLimit: number;
  /** Requests per minute one API key may make to the API surfaces (a signed-in dashboard user likewise). */
  apiRateLimit: number;
  /** Redis shared by every node for the rate limits (`redis://…`, `rediss://…`); unset: each process counts alone. */
  redisUrl: string | undefined;
  /** Put before every Redis key Plaudit writes, so that several installations (or test runs) can share one Redis. */
  redisKeyPrefix: string;
  /** Let webhooks reach private, loopback and link-local addresses (self-hosted installs on one network, tests). */
  webhookAllowPrivateNetworks: boolean;
  /** The least time between two topic computations of one organization, in milliseconds. */
  topicsIntervalMs: number;
  /** Where invitation emails go out (`smtp://user:pass@host:587`, `smtps://…`); unset: invitations show the link only. */
  smtpUrl: string | undefined;
  /** The From address of the emails Plaudit sends. */
  smtpFrom: string;
  /** With it, `/metrics` answers only `Authorization: Bearer <token>`; on the main port it is served only with one. */
  metricsToken: string | undefined;
  /** With it, `/metrics` is served on a listener of its own on this port, and not on the main port. */
  metricsPort: number | undefined;
  /** The address METRICS_PORT's listener binds; HOST's by default. */
  metricsHost: string;
  /** Seals stored credentials (a Langfuse secret key); unset: such credentials cannot be saved. */
  secretKey: string | undefined;
}

/** Raised with every problem in the environment at once, one sentence each. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Reads and validates the configuration once, at start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const portText = blankToUndefined(env.PORT) ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535)
    problems.push(`PORT must be a whole number from 0 to 65535 (got "${portText}")`);

  const host = blankToUndefined(env.HOST) ?? '127.0.0.1';

  const parsed = parseDatabaseUrl(blankToUndefined(env.DATABASE_URL));
  let database: DatabaseTarget = { dialect: 'sqlite', path: './data/plaudit.db' };
  if (typeof parsed === 'string') problems.push(parsed);
  else database = parsed;

  const synchronous = (blankToUndefined(env.SQLITE_SYNCHRONOUS) ?? 'normal').toLowerCase();
  if (synchronous !== 'normal' && synchronous !== 'full') {
    problems.push(`SQLITE_SYNCHRONOUS must be "normal" or "full" (got "${synchronous}")`);
  } else if (database.dialect === 'sqlite') {
    database = { ...database, synchronous };
  }

  const poolText = blankToUndefined(env.DATABASE_POOL_SIZE);
  if (poolText !== undefined) {
    const poolSize = Number(poolText);
    if (!/^\d+$/.test(poolText) || poolSize < 1 || poolSize > 1000) {
      problems.push(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "${poolText}")`);
    } else if (database.dialect === 'postgres') {
      database = { ...database, poolSize };
    }
  }

  const readDatabaseUrl = blankToUndefined(env.DATABASE_READ_URL);
  if (readDatabaseUrl !== undefined) {
    const read = parseDatabaseUrl(readDatabaseUrl);
    if (typeof read === 'string' || read.dialect !== 'postgres') {
      problems.push('DATABASE_READ_URL must be a postgres:// or postgresql:// URL of a streaming replica');
    } else if (database.dialect !== 'postgres') {
      problems.push('DATABASE_READ_URL needs DATABASE_URL to be PostgreSQL: a SQLite database has no replicas');
    }
  }

  let publicUrl = blankToUndefined(env.PUBLIC_URL) ?? `http://localhost:${Number.isFinite(port) ? port : 3000}`;
  try {
    const url = new URL(publicUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    publicUrl = publicUrl.replace(/\/+$/, '');
  } catch {
    problems.push(`PUBLIC_URL must be an http:// or https:// URL (got "${publicUrl}")`);
  }

  const logLevel = (blankToUndefined(env.LOG_LEVEL) ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }

  const trustText = (blankToUndefined(env.TRUST_PROXY) ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(trustText)) {
    problems.push(`TRUST_PROXY must be true or false (got "${trustText}")`);
  }
  const trustProxy = trustText === 'true' || trustText === '1';

  const limitText = blankToUndefined(env.RATING_PAGE_RATE_LIMIT) ?? '60';
  const ratingPageRateLimit = Number(limitText);
  if (!/^\d+$/.test(limitText) || ratingPageRateLimit < 1) {
    problems.push(
      `RATING_PAGE_RATE_LIMIT must be a whole number of requests per minute, at least 1 (got "${limitText}")`,
    );
  }

  const signInText = blankToUndefined(env.SIGN_IN_RATE_LIMIT) ?? '10';
  const signInRateLimit = Number(signInText);
  if (!/^\d+$/.test(signInText) || signInRateLimit < 1) {
    problems.push(
      `SIGN_IN_RATE_LIMIT must be a whole number of attempts per 5 minutes, at least 1 (got "${signInText}")`,
    );
  }

  const apiText = blankToUndefined(env.API_RATE_LIMIT) ?? '6000';
  const apiRateLimit = Number(apiText);
  if (!/^\d+$/.test(apiText) || apiRateLimit < 1) {
    problems.push(`API_RATE_LIMIT must be a whole number of requests per minute, at least 1 (got "${apiText}")`);
  }

  const redisUrl = blankToUndefined(env.REDIS_URL);
  if (redisUrl !== undefined) {
    let protocol = '';
    try {
      protocol = new URL(redisUrl).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'redis:' && protocol !== 'rediss:') {
      problems.push('REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379');
    }
  }
  const redisKeyPrefix = env.REDIS_KEY_PREFIX ?? 'plaudit:';
  if (!/^[A-Za-z0-9:._-]{0,64}$/.test(redisKeyPrefix)) {
    problems.push(
      `REDIS_KEY_PREFIX may hold up to 64 letters, digits and ":._-" (got "${redisKeyPrefix.slice(0, 80)}")`,
    );
  }

  const privateText = (blankToUndefined(env.WEBHOOK_ALLOW_PRIVATE_NETWORKS) ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(privateText)) {
    problems.push(`WEBHOOK_ALLOW_PRIVATE_NETWORKS must be true or false (got "${privateText}")`);
  }
  const webhookAllowPrivateNetworks = privateText === 'true' || privateText === '1';

  const topicsText = blankToUndefined(env.TOPICS_INTERVAL_MS) ?? '300000';
  const topicsIntervalMs = Number(topicsText);
  if (!/^\d+$/.test(topicsText) || topicsIntervalMs < 1000) {
    problems.push(`TOPICS_INTERVAL_MS must be a whole number of milliseconds, at least 1000 (got "${topicsText}")`);
  }

  const smtpUrl = blankToUndefined(env.SMTP_URL);
  if (smtpUrl !== undefined) {
    let protocol = '';
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'smtp:' && protocol !== 'smtps:') {
      problems.push('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587');
    }
  }
  let smtpFrom = blankToUndefined(env.SMTP_FROM);
  if (smtpFrom === undefined) {
    let host = 'localhost';
    try {
      host = new URL(publicUrl).hostname;
    } catch {
      // PUBLIC_URL's problem is reported already
    }
    smtpFrom = `Plaudit <no-reply@${host}>`;
  } else if (!/^[^\s@<>]+@[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/.test(smtpFrom)) {
    problems.push(
      `SMTP_FROM must be an email address, optionally with a name: "Plaudit <team@example.com>" (got "${smtpFrom}")`,
    );
  }

  const metricsToken = blankToUndefined(env.METRICS_TOKEN);
  if (metricsToken !== undefined && !/^[\x21-\x7e]{16,}$/.test(metricsToken)) {
    problems.push('METRICS_TOKEN must be at least 16 characters, without spaces (e.g. `openssl rand -hex 32`)');
  }
  const metricsPortText = blankToUndefined(env.METRICS_PORT);
  let metricsPort: number | undefined;
  if (metricsPortText !== undefined) {
    metricsPort = Number(metricsPortText);
    if (!/^\d+$/.test(metricsPortText) || metricsPort > 65_535) {
      problems.push(`METRICS_PORT must be a whole number from 0 to 65535 (got "${metricsPortText}")`);
    } else if (metricsPort !== 0 && metricsPort === port) {
      problems.push(`METRICS_PORT must differ from PORT (both are ${port})`);
    }
  }
  const metricsHost = blankToUndefined(env.METRICS_HOST) ?? host;
  const secretKey = blankToUndefined(env.PLAUDIT_SECRET_KEY);
  if (secretKey !== undefined && secretKey.length < 32) {
    problems.push(
      `PLAUDIT_SECRET_KEY must be at least 32 characters, e.g. from \`openssl rand -base64 32\` (got ${secretKey.length})`,
    );
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    database,
    readDatabaseUrl,
    publicUrl,
    logLevel: logLevel as LogLevel,
    trustProxy,
    ratingPageRateLimit,
    signInRateLimit,
    apiRateLimit,
    redisUrl,
    redisKeyPrefix,
    webhookAllowPrivateNetworks,
    secretKey,
    topicsIntervalMs,
    smtpUrl,
    smtpFrom,
    metricsToken,
    metricsPort,
    metricsHost,
  };
}
