import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.publicUrl, 'http://localhost:3000');
    assert.equal(config.logLevel, 'info');
    assert.deepEqual(config.database, { dialect: 'sqlite', path: './data/plaudit.db', synchronous: 'normal' });
    assert.equal(config.trustProxy, false);
    assert.equal(config.ratingPageRateLimit, 60);
    assert.equal(config.signInRateLimit, 10);
    assert.equal(config.apiRateLimit, 6000);
    assert.equal(config.redisUrl, undefined);
    assert.equal(config.redisKeyPrefix, 'plaudit:');
    assert.equal(config.webhookAllowPrivateNetworks, false);
    assert.equal(config.metricsToken, undefined);
    assert.equal(config.metricsPort, undefined);
    assert.equal(config.metricsHost, '127.0.0.1');
  });

  it('takes METRICS_TOKEN of at least 16 characters, METRICS_PORT apart from PORT, METRICS_HOST defaulting to HOST', () => {
    const set = loadConfig({
      METRICS_TOKEN: 'a'.repeat(32),
      METRICS_PORT: '9464',
      HOST: '0.0.0.0',
    });
    assert.equal(set.metricsToken, 'a'.repeat(32));
    assert.equal(set.metricsPort, 9464);
    assert.equal(set.metricsHost, '0.0.0.0');
    assert.equal(loadConfig({ METRICS_PORT: '0', METRICS_HOST: '10.0.0.5' }).metricsHost, '10.0.0.5');
    for (const env of [
      { METRICS_TOKEN: 'short' },
      { METRICS_TOKEN: 'has a space in it, sixteen+' },
      { METRICS_PORT: 'ninety' },
      { METRICS_PORT: '70000' },
      { METRICS_PORT: '3000' },
    ]) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => error instanceof ConfigError && error.problems[0]!.startsWith(Object.keys(env)[0]!),
        JSON.stringify(env),
      );
    }
  });

  it('takes WEBHOOK_ALLOW_PRIVATE_NETWORKS as true or false', () => {
    assert.equal(loadConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }).webhookAllowPrivateNetworks, true);
    assert.equal(loadConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: '0' }).webhookAllowPrivateNetworks, false);
    assert.throws(
      () => loadConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'yes' }),
      (error: unknown) =>
        error instanceof ConfigError && error.problems[0]!.startsWith('WEBHOOK_ALLOW_PRIVATE_NETWORKS'),
    );
  });

  it('takes SMTP_URL as an smtp:// or smtps:// URL, and SMTP_FROM with a default from PUBLIC_URL', () => {
    const none = loadConfig({ PUBLIC_URL: 'https://feedback.example.com' });
    assert.equal(none.smtpUrl, undefined);
    assert.equal(none.smtpFrom, 'Plaudit <no-reply@feedback.example.com>');
    const set = loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465', SMTP_FROM: 'Support <team@example.com>' });
    assert.equal(set.smtpUrl, 'smtps://u:p@mail.example.com:465');
    assert.equal(set.smtpFrom, 'Support <team@example.com>');
    for (const env of [{ SMTP_URL: 'http://mail.example.com' }, { SMTP_FROM: 'not an address' }]) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => error instanceof ConfigError && error.problems[0]!.startsWith(Object.keys(env)[0]!),
      );
    }
  });

  it('takes SIGN_IN_RATE_LIMIT as a whole number of at least 1', () => {
    assert.equal(loadConfig({ SIGN_IN_RATE_LIMIT: '25' }).signInRateLimit, 25);
    for (const bad of ['0', '-1', 'ten', '2.5']) {
      assert.throws(
        () => loadConfig({ SIGN_IN_RATE_LIMIT: bad }),
        (error: unknown) => error instanceof ConfigError && error.problems[0]!.startsWith('SIGN_IN_RATE_LIMIT'),
      );
    }
  });

  it('takes API_RATE_LIMIT as a whole number of at least 1', () => {
    assert.equal(loadConfig({ API_RATE_LIMIT: '120' }).apiRateLimit, 120);
    for (const bad of ['0', '-1', 'lots', '2.5']) {
      assert.throws(
        () => loadConfig({ API_RATE_LIMIT: bad }),
        (error: unknown) => error instanceof ConfigError && error.problems[0]!.startsWith('API_RATE_LIMIT'),
      );
    }
  });

  it('takes REDIS_URL as a redis:// or rediss:// URL, and REDIS_KEY_PREFIX', () => {
    const set = loadConfig({ REDIS_URL: 'redis://cache.internal:6380/2', REDIS_KEY_PREFIX: 'eu-1:' });
    assert.equal(set.redisUrl, 'redis://cache.internal:6380/2');
    assert.equal(set.redisKeyPrefix, 'eu-1:');
    assert.equal(
      loadConfig({ REDIS_URL: 'rediss://u:p@cache.example.com' }).redisUrl,
      'rediss://u:p@cache.example.com',
    );
    assert.equal(loadConfig({ REDIS_URL: '  ' }).redisUrl, undefined);
    assert.equal(loadConfig({ REDIS_KEY_PREFIX: '' }).redisKeyPrefix, '');
    for (const env of [{ REDIS_URL: 'http://cache:6379' }, { REDIS_URL: 'not a url' }, { REDIS_KEY_PREFIX: 'a b' }]) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => error instanceof ConfigError && error.problems[0]!.startsWith(Object.keys(env)[0]!),
      );
    }
  });

  it('derives PUBLIC_URL from PORT and strips a trailing slash', () => {
    assert.equal(loadConfig({ PORT: '8080' }).publicUrl, 'http://localhost:8080');
    assert.equal(loadConfig({ PUBLIC_URL: 'https://plaudit.example.com/' }).publicUrl, 'https://plaudit.example.com');
  });

  it('reports every problem at once, each naming the variable', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        PUBLIC_URL: 'ftp://x',
        LOG_LEVEL: 'loud',
        SQLITE_SYNCHRONOUS: 'off',
      });
      assert.fail('expected a ConfigError');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.problems.length, 5);
      for (const name of ['PORT', 'DATABASE_URL', 'PUBLIC_URL', 'LOG_LEVEL', 'SQLITE_SYNCHRONOUS']) {
        assert.ok(
          error.problems.some((problem) => problem.startsWith(name)),
          name,
        );
      }
    }
  });

  it('takes SQLITE_SYNCHRONOUS=full and a pool size for PostgreSQL', () => {
    assert.deepEqual(loadConfig({ SQLITE_SYNCHRONOUS: 'FULL' }).database, {
      dialect: 'sqlite',
      path: './data/plaudit.db',
      synchronous: 'full',
    });
    assert.deepEqual(loadConfig({ DATABASE_URL: 'postgres://h/d', DATABASE_POOL_SIZE: '20' }).database, {
      dialect: 'postgres',
      url: 'postgres://h/d',
      poolSize: 20,
    });
  });
});
