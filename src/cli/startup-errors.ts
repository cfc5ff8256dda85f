import { userInfo } from 'node:os';
import type { Config } from '../config.js';
import type { DatabaseTarget } from '../db/database.js';
import { RedisUnavailableError } from '../http/rate-limits.js';

interface SystemError {
  code?: unknown;
  syscall?: unknown;
  hostname?: unknown;
  message?: unknown;
  /** Set on a failed listen. */
  port?: unknown;
  /** Set by pg on errors the PostgreSQL server sent. */
  severity?: unknown;
}

/** The error and what it wraps: migrations wrap the driver's error, a failed connect to a name may hold several. */
function* causes(error: unknown): Generator<SystemError> {
  for (let depth = 0; error && typeof error === 'object' && depth < 5; depth += 1) {
    yield error as SystemError;
    const { errors } = error as { errors?: unknown };
    if (Array.isArray(errors) && errors.length > 0) yield* causes(errors[0]);
    error = (error as { cause?: unknown }).cause;
  }
}

function listenProblem(error: SystemError, config: Config): string | undefined {
  if (error.syscall === 'getaddrinfo' && error.hostname === config.host && !databaseHostIs(config, config.host)) {
    return `HOST "${config.host}" is not a name of this machine; set HOST to one of its addresses, or to 0.0.0.0 for all of them.`;
  }
  if (error.syscall !== 'listen') return undefined;
  // The metrics listener (METRICS_PORT, METRICS_HOST) fails in the same ways as the main one.
  const metrics = config.metricsPort !== undefined && error.port === config.metricsPort && error.port !== config.port;
  const [portName, hostName] = metrics ? ['METRICS_PORT', 'METRICS_HOST'] : ['PORT', 'HOST'];
  const [port, host] = metrics ? [config.metricsPort, config.metricsHost] : [config.port, config.host];
  const where = `port ${port} on ${host}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `${where} is already in use by another program; stop that program or set ${portName} to a free port.`;
    case 'EACCES':
      return `this user may not listen on ${where} (ports below 1024 need privileges); set ${portName} to 1024 or above.`;
    case 'EADDRNOTAVAIL':
      return `${host} is not an address of this machine, so nothing can listen on it; set ${hostName} to one of its addresses, or to 0.0.0.0 for all of them.`;
    default:
      return undefined;
  }
}

/** Where a PostgreSQL URL points, for sentences: never its password. */
function postgresParts(url: string): { address: string; host: string; user: string; database: string } {
  const parsed = new URL(url);
  const host = decodeURIComponent(parsed.hostname) || parsed.searchParams.get('host') || 'localhost';
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || userInfo().username;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || user;
  return { address: `${host}:${parsed.port || '5432'}`, host, user, database };
}

/** Whether DATABASE_URL names this host: then a name that does not resolve is the database's problem first. */
function databaseHostIs(config: Config, host: string): boolean {
  return config.database.dialect === 'postgres' && postgresParts(config.database.url).host === host;
}

const CONNECTION_LOST = /timeout expired|timeout exceeded when trying to connect|Connection terminated/;

function postgresProblem(error: SystemError, url: string): string | undefined {
  const { address, host, user, database } = postgresParts(url);
  const server = `PostgreSQL at ${address}`;
  const message = typeof error.message === 'string' ? error.message : '';
  if (error.severity !== undefined) {
    switch (error.code) {
      case '3D000':
        return `${server} has no database "${database}"; create it (createdb ${database}) or set DATABASE_URL to a database that exists.`;
      case '28P01':
        return `${server} refused the password of user "${user}"; set DATABASE_URL with the right user and password.`;
      case '28000':
        return `${server} refused user "${user}" (${message}); set DATABASE_URL with a user it accepts.`;
      case '53300':
        return `${server} has no connection left for Plaudit (${message}); lower DATABASE_POOL_SIZE or raise its max_connections.`;
      default:
        return undefined;
    }
  }
  switch (error.code) {
    case 'ECONNREFUSED':
      return `nothing accepts connections at ${address}, where DATABASE_URL points to PostgreSQL; start PostgreSQL there or set DATABASE_URL to where it runs.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      if (error.hostname !== host) return undefined;
      return `the PostgreSQL host "${host}" in DATABASE_URL is not a known name; set DATABASE_URL to a host that exists.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${server} cannot be reached (${String(error.code)}); check the network, or set DATABASE_URL to where PostgreSQL runs.`;
    default:
      if (CONNECTION_LOST.test(message)) {
        return `${server} did not answer (the connection timed out or was closed); check that PostgreSQL runs there, or set DATABASE_URL to where it runs.`;
      }
      return undefined;
  }
}

function sqliteProblem(error: SystemError, path: string): string | undefined {
  switch (error.code) {
    case 'SQLITE_NOTADB':
      return `${path} is not a SQLite database; set DATABASE_URL to Plaudit's database file, or to a new file.`;
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
      return `the SQLite file ${path} cannot be opened for writing; set DATABASE_URL to a file this user may create and write.`;
    case 'ENOTDIR':
    case 'EEXIST':
    case 'EACCES':
    case 'EROFS':
      if (error.syscall !== 'mkdir') return undefined;
      return `the directory of the SQLite file ${path} cannot be created; set DATABASE_URL to a file in a directory this user may write.`;
    default:
      return undefined;
  }
}

function databaseProblem(error: SystemError, target: DatabaseTarget): string | undefined {
  return target.dialect === 'postgres' ? postgresProblem(error, target.url) : sqliteProblem(error, target.path);
}

/**
 * One sentence for an error that stops the start because of the environment — the port, the host, the database — naming
 * the variable to change; undefined for anything else (a bug keeps its stack trace).
 */
export function describeStartupError(error: unknown, config: Config): string | undefined {
  for (const cause of causes(error)) {
    if (cause instanceof RedisUnavailableError) return cause.message;
    const problem = listenProblem(cause, config) ?? databaseProblem(cause, config.database);
    if (problem) return problem;
  }
  return undefined;
}
