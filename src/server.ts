import { buildApp, type App } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { sweepExpiries } from './expiry-sweep.js';
import { startMetricsListener, type MetricsListener } from './http/metrics.js';
import { createLogger } from './logger.js';
import { migrateDatabase } from './migrate.js';
import { stopTelemetry } from './telemetry.js';

const SHUTDOWN_GRACE_MS = 10_000;
const EXPIRY_SWEEP_INTERVAL_MS = 60_000;
const SEARCH_CATCH_UP_INTERVAL_MS = 250;
/** How often the server looks for organizations whose topics are due. */
const TOPICS_CHECK_INTERVAL_MS = 60_000;

export interface RunningServer {
  app: App;
  database: Database;
  url: string;
}

/** Opens the database, migrates it, and listens. Used by `plaudit serve` and `npm start`. */
export async function startServer(config: Config, beforeListen?: (app: App) => Promise<void>): Promise<RunningServer> {
  const database = openDatabase(config.database);
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  let app: App;
  try {
    app = await buildApp({ config, database, logger: createLogger(config) });
  } catch (error) {
    // Redis at REDIS_URL that does not answer, say: let go of the database before the command line explains it.
    await database.close();
    throw error;
  }
  await beforeListen?.(app);
  let url: string;
  try {
    url = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // A port in use or a wrong HOST: let go of the database before the command line explains it.
    await app.close();
    await database.close();
    throw error;
  }
  let metrics: MetricsListener | undefined;
  if (config.metricsPort !== undefined) {
    try {
      metrics = await startMetricsListener(app.services.metrics, config);
    } catch (error) {
      await app.close();
      await database.close();
      throw error;
    }
    app.log.info({ url: metrics.url }, 'metrics served');
  }
  sweepExpiriesPeriodically(app);
  if (database.dialect === 'sqlite') catchUpSearchPeriodically(app);
  computeTopicsPeriodically(app);
  const webhookWorker = app.services.webhooks.createWorker({
    onError: (error) => app.log.error({ err: error }, 'webhook delivery failed'),
  });
  webhookWorker.start();
  closeGracefully(app, database, async () => {
    await metrics?.close();
    await webhookWorker.stop();
  });
  return { app, database, url };
}

/**
 * At start, then once a minute: counts ratings that expired into the analytics rollups and deletes ended widget tokens
 * and sessions (`sweepExpiries`). Every node of a cluster may run it. The first round right away counts what expired
 * while the node was down, instead of a minute later.
 */
function sweepExpiriesPeriodically(app: App): void {
  let running = false;
  const sweep = () => {
    if (running) return;
    running = true;
    sweepExpiries(app.services)
      .then((swept) => app.log.debug(swept, 'expiry sweep'))
      .catch((error: unknown) => app.log.error({ err: error }, 'expiry sweep failed'))
      .finally(() => {
        running = false;
      });
  };
  sweep();
  setInterval(sweep, EXPIRY_SWEEP_INTERVAL_MS).unref();
}

/**
 * Moves the words written since the last time into SQLite's FTS5 index, a few times a second: a batch costs one FTS5
 * segment, where a segment per write would cost every write (see SearchIndex.catchUp). Nothing to do on PostgreSQL.
 */
function catchUpSearchPeriodically(app: App): void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    app.services.search
      .catchUp()
      .catch((error: unknown) => app.log.error({ err: error }, 'search index catch-up failed'))
      .finally(() => {
        running = false;
      });
  }, SEARCH_CATCH_UP_INTERVAL_MS);
  timer.unref();
}

/**
 * Every minute: computes the topics of each organization with new AI feedback whose last computation is older than
 * TOPICS_INTERVAL_MS, in a worker thread (see TopicsService). On PostgreSQL each organization's advisory lock lets one
 * node of a cluster compute it.
 */
function computeTopicsPeriodically(app: App): void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    app.services.topics
      .computeDue()
      .then((computed) => computed > 0 && app.log.info({ organizations: computed }, 'topics computed'))
      .catch((error: unknown) => app.log.error({ err: error }, 'topic computation failed'))
      .finally(() => {
        running = false;
      });
  }, TOPICS_CHECK_INTERVAL_MS);
  timer.unref();
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let the requests in flight finish, close the database, exit.
 * A second signal, or requests that outlive the grace period, end the process at once.
 */
function closeGracefully(app: App, database: Database, stopWorkers: () => Promise<void>): void {
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
      .then(stopWorkers)
      .then(() => database.close())
      .then(stopTelemetry)
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
