import type { FastifyServerOptions } from 'fastify';
import { buildApp, type App } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  app: App;
  database: Database;
  url: string;
}

function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  };
}

/** Opens the database, migrates it, and listens. Used by `plaudit serve` and `npm start`. */
export async function startServer(config: Config, beforeListen?: (app: App) => Promise<void>): Promise<RunningServer> {
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = await buildApp({ config, database, logger: loggerOptions(config) });
  await beforeListen?.(app);
  const url = await app.listen({ port: config.port, host: config.host });
  closeGracefully(app, database);
  return { app, database, url };
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let the requests in flight finish, close the database, exit.
 * A second signal, or requests that outlive the grace period, end the process at once.
 */
function closeGracefully(app: App, database: Database): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const timer = setTimeout(() => {
      app.log.error('requests still in flight after the grace period: exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    app
      .close()
      .then(() => database.close())
      .then(() => {
        app.log.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
