import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './processes.js';

/**
 * A PostgreSQL primary and a streaming replica of it, made for one test: a cluster of its own (initdb) that allows
 * replication, and a second cluster cloned from it with pg_basebackup, following it on another port. The machine's
 * own PostgreSQL is left alone. The server refuses to run as root, so as root the tools run as the postgres user.
 */
export interface ReplicaPair {
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  /** Runs SQL on the primary's or the replica's `postgres` database through psql; answers its output. */
  psql(on: 'primary' | 'replica', query: string, database?: string): string;
  stop(): void;
}

function binDir(): string {
  if (process.env.PG_BINDIR) return process.env.PG_BINDIR;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions)
    if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  throw new Error('initdb not found: install the PostgreSQL server package or set PG_BINDIR');
}

const asRoot = process.getuid?.() === 0;

function run(command: string, args: string[]): string {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-replica-'));
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
  }
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primaryData = join(dir, 'primary');
  const replicaData = join(dir, 'replica');
  const options = (port: number) =>
    `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off`;
  const started: string[] = [];
  const stop = () => {
    for (const data of started.reverse()) {
      spawnSync(asRoot ? 'runuser' : join(bin, 'pg_ctl'), [
        ...(asRoot ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []),
        '-D',
        data,
        '-m',
        'immediate',
        '-w',
        'stop',
      ]);
    }
    started.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(join(bin, 'initdb'), ['-D', primaryData, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    // initdb's trust setup allows replication connections from this machine; say so plainly all the same.
    writeFileSync(
      join(dir, 'hba.conf'),
      'local all all trust\nhost all all 127.0.0.1/32 trust\nlocal replication all trust\nhost replication all 127.0.0.1/32 trust\n',
    );
    run('cp', [join(dir, 'hba.conf'), join(primaryData, 'pg_hba.conf')]);
    run(join(bin, 'pg_ctl'), [
      '-D',
      primaryData,
      '-o',
      options(primaryPort),
      '-l',
      join(dir, 'primary.log'),
      '-w',
      'start',
    ]);
    started.push(primaryData);
    run(join(bin, 'pg_basebackup'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaData,
      '-R',
      '-X',
      'stream',
      '--no-sync',
    ]);
    run(join(bin, 'pg_ctl'), [
      '-D',
      replicaData,
      '-o',
      options(replicaPort),
      '-l',
      join(dir, 'replica.log'),
      '-w',
      'start',
    ]);
    started.push(replicaData);
  } catch (error) {
    stop();
    throw error;
  }
  const url = (port: number, database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    primaryUrl: (database) => url(primaryPort, database),
    replicaUrl: (database) => url(replicaPort, database),
    psql: (on, query, database = 'postgres') =>
      run(join(bin, 'psql'), [
        '-X',
        '-A',
        '-t',
        '-v',
        'ON_ERROR_STOP=1',
        '-h',
        '127.0.0.1',
        '-p',
        String(on === 'primary' ? primaryPort : replicaPort),
        '-U',
        'postgres',
        '-d',
        database,
        '-c',
        query,
      ]).trim(),
    stop,
  };
}
