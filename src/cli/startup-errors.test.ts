import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../config.js';
import { describeStartupError } from './startup-errors.js';

const sqlite = loadConfig({ DATABASE_URL: 'sqlite:/tmp/plaudit.db', PORT: '80', HOST: 'plaudit.internal' });
const postgres = loadConfig({ DATABASE_URL: 'postgres://app:s3cret@db.internal:6543/plaudit', PORT: '3000' });

function systemError(code: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(`${code}: ${String(fields.syscall)}`), { code, ...fields });
}

describe('describeStartupError', () => {
  it('names PORT for a port this user may not listen on', () => {
    const problem = describeStartupError(systemError('EACCES', { syscall: 'listen' }), sqlite);
    assert.match(problem ?? '', /may not listen on port 80 .*set PORT to 1024 or above\.$/);
  });

  it('names METRICS_PORT when the metrics listener cannot take its port', () => {
    const config = loadConfig({ PORT: '3000', METRICS_PORT: '9464' });
    const inUse = systemError('EADDRINUSE', { syscall: 'listen', port: 9464 });
    assert.match(
      describeStartupError(inUse, config) ?? '',
      /port 9464 on 127\.0\.0\.1 .*set METRICS_PORT to a free port/,
    );
    const main = systemError('EADDRINUSE', { syscall: 'listen', port: 3000 });
    assert.match(describeStartupError(main, config) ?? '', /port 3000 .*set PORT to a free port/);
  });

  it('names HOST for a host name that does not resolve, DATABASE_URL for a database host that does not', () => {
    const host = systemError('ENOTFOUND', { syscall: 'getaddrinfo', hostname: 'plaudit.internal' });
    assert.match(describeStartupError(host, sqlite) ?? '', /HOST "plaudit\.internal" .*set HOST/);
    const databaseHost = systemError('ENOTFOUND', { syscall: 'getaddrinfo', hostname: 'db.internal' });
    const wrapped = new Error('Migration (unknown) failed: getaddrinfo ENOTFOUND db.internal', { cause: databaseHost });
    assert.match(describeStartupError(wrapped, postgres) ?? '', /host "db\.internal" in DATABASE_URL/);
  });

  it('finds the refusal inside the error a connection to both addresses of a name gives', () => {
    const refused = systemError('ECONNREFUSED', { syscall: 'connect' });
    const both = new AggregateError([refused, refused], 'connect failed');
    assert.match(describeStartupError(both, postgres) ?? '', /nothing accepts connections at db\.internal:6543/);
  });

  it('never repeats the password of DATABASE_URL', () => {
    const refused = Object.assign(new Error('password authentication failed for user "app"'), {
      code: '28P01',
      severity: 'FATAL',
    });
    const problem = describeStartupError(refused, postgres) ?? '';
    assert.match(problem, /PostgreSQL at db\.internal:6543 refused the password of user "app"; set DATABASE_URL/);
    assert.doesNotMatch(problem, /s3cret/);
  });

  it('leaves every other error alone, so that a bug keeps its stack trace', () => {
    assert.equal(describeStartupError(new TypeError('x is not a function'), postgres), undefined);
    const syntax = Object.assign(new Error('syntax error at or near "selec"'), { code: '42601', severity: 'ERROR' });
    assert.equal(describeStartupError(syntax, postgres), undefined);
  });
});
