import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDatabaseUrl } from './database.js';

describe('DATABASE_URL', () => {
  it('means ./data/plaudit.db when unset', () => {
    assert.deepEqual(parseDatabaseUrl(undefined), { dialect: 'sqlite', path: './data/plaudit.db' });
    assert.deepEqual(parseDatabaseUrl(''), { dialect: 'sqlite', path: './data/plaudit.db' });
  });

  it('reads sqlite: and file: as a SQLite file', () => {
    assert.deepEqual(parseDatabaseUrl('sqlite:./x.db'), { dialect: 'sqlite', path: './x.db' });
    assert.deepEqual(parseDatabaseUrl('file:/var/lib/plaudit.db'), { dialect: 'sqlite', path: '/var/lib/plaudit.db' });
    assert.deepEqual(parseDatabaseUrl('sqlite:///var/lib/plaudit.db'), {
      dialect: 'sqlite',
      path: '/var/lib/plaudit.db',
    });
  });

  it('reads postgres:// and postgresql:// as PostgreSQL', () => {
    assert.deepEqual(parseDatabaseUrl('postgres://u@h:5432/d'), { dialect: 'postgres', url: 'postgres://u@h:5432/d' });
    assert.deepEqual(parseDatabaseUrl('postgresql://h/d'), { dialect: 'postgres', url: 'postgresql://h/d' });
  });

  it('explains anything else', () => {
    assert.match(String(parseDatabaseUrl('mysql://h/d')), /DATABASE_URL must start with/);
  });
});
