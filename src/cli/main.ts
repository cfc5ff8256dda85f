import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateDatabase } from '../migrate.js';
import { AppError } from '../errors.js';
import { BackupError, backupDatabase, restoreDatabase, type BackupSummary } from '../backup.js';
import { parseScopes, type Role } from '../modules/accounts/index.js';
import { seedDemo } from '../modules/demo/index.js';
import { createServices, type Services } from '../services.js';
import { demoBanner, ensureDemo } from './demo-banner.js';
import { describeStartupError } from './startup-errors.js';

const USAGE = `Usage: plaudit <command> [options]

Commands:
  serve [--demo]                       migrate, then serve the API (--demo: seed a demo organization into an
                                       empty database and print how to sign in)
  migrate                              bring the database schema up to date
  org create --name NAME [--email EMAIL] [--password PASSWORD] [--timezone IANA_ZONE] [--json]
                                       create an organization, its admin user and a key with both scopes;
                                       --timezone: the zone whose days analytics count in (default UTC)
  user create --org ORG_ID --email EMAIL [--role admin|agent] [--name NAME] [--password PASSWORD] [--json]
                                       add a user (the password is for the dashboard) with a key with both scopes
  key create --org ORG_ID [--user USER_ID] --scopes read_all[,write_all] [--name NAME] [--json]
                                       issue an API key (to the organization's first admin unless --user is given)
  key revoke KEY_ID                    revoke an API key
  demo [--name NAME]                   create an organization filled with realistic demo conversations
  backup --to FILE                     write a consistent copy of the database to a new FILE while the server
                                       runs (SQLite: its online backup API; PostgreSQL: pg_dump)
  restore --from FILE [--force]        replace the database with a backup (stop the server first; --force:
                                       replace a database that holds data)

The database is the one DATABASE_URL names, as for the server (default: ./data/plaudit.db).`;

class UsageError extends Error {}

/** The environment stops the start (a port in use, a database that does not exist): one sentence, no stack trace. */
class StartupError extends Error {}

const options = {
  name: { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  org: { type: 'string' },
  user: { type: 'string' },
  scopes: { type: 'string' },
  timezone: { type: 'string' },
  to: { type: 'string' },
  from: { type: 'string' },
  force: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  demo: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

function orgId(values: Values): number {
  const text = required(values, 'org');
  if (!/^\d+$/.test(text)) throw new UsageError(`--org must be an organization id (a number), got "${text}"`);
  return Number(text);
}

/** Runs a command that needs the services, with the database migrated first and closed afterwards. */
async function withServices<T>(config: Config, run: (services: Services) => Promise<T>): Promise<T> {
  const database = openDatabase(config.database);
  try {
    await migrateDatabase(database);
    return await run(createServices(database, { publicUrl: config.publicUrl }));
  } finally {
    await database.close();
  }
}

function describeBackup(summary: BackupSummary): string {
  const size = summary.bytes >= 1_048_576 ? `${(summary.bytes / 1_048_576).toFixed(1)} MB` : `${summary.bytes} bytes`;
  return `${summary.file} (${summary.format === 'sqlite' ? 'SQLite' : 'pg_dump archive'}, ${size}, schema ${summary.schema ?? 'unknown'})`;
}

function print(json: boolean, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  if (values.help || !positionals[0]) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig();
  try {
    await runCommand(positionals, values, config);
  } catch (error) {
    const problem = describeStartupError(error, config);
    throw problem === undefined ? error : new StartupError(problem, { cause: error });
  }
}

async function runCommand(positionals: string[], values: Values, config: Config): Promise<void> {
  const [command, subcommand, argument] = positionals;
  switch (`${command} ${subcommand ?? ''}`.trim()) {
    case 'serve': {
      let demo: Awaited<ReturnType<typeof ensureDemo>> | undefined;
      // Loaded for `serve` only: the HTTP stack is most of the start-up time of the other commands.
      const { startServer } = await import('../server.js');
      const server = await startServer(config, async (app) => {
        if (values.demo) demo = await ensureDemo(app.services);
      });
      if (demo) process.stdout.write(demoBanner(config, server.url, demo));
      return;
    }
    case 'migrate': {
      const database = openDatabase(config.database);
      try {
        const applied = await migrateDatabase(database);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The schema is up to date.\n');
      } finally {
        await database.close();
      }
      return;
    }
    case 'org create': {
      const name = required(values, 'name');
      const result = await withServices(config, (services) =>
        services.accounts.createOrganization({
          name,
          adminEmail: values.email,
          password: values.password,
          timezone: values.timezone,
        }),
      );
      print(
        values.json,
        {
          organization: {
            id: result.organization.id,
            name: result.organization.name,
            timezone: result.organization.timezone,
          },
          user: { id: result.user.id, email: result.user.email },
          apiKey: result.apiKey.api_key,
        },
        `Created organization ${result.organization.id} "${result.organization.name}".\n` +
          `Admin user: ${result.user.email} (${result.user.id})\n` +
          `API key (read_all, write_all), shown only now:\n  ${result.apiKey.api_key}`,
      );
      return;
    }
    case 'user create': {
      const org = orgId(values);
      const email = required(values, 'email');
      const role = (values.role ?? 'agent') as Role;
      if (role !== 'admin' && role !== 'agent') throw new UsageError(`--role must be admin or agent, got "${role}"`);
      const result = await withServices(config, (services) =>
        services.accounts.createUser({ orgId: org, email, role, name: values.name, password: values.password }),
      );
      print(
        values.json,
        { user: { id: result.user.id, email: result.user.email }, apiKey: result.apiKey.api_key },
        `Created ${role} ${result.user.email} (${result.user.id}) in organization ${org}.\n` +
          `API key (read_all, write_all), shown only now:\n  ${result.apiKey.api_key}`,
      );
      return;
    }
    case 'key create': {
      const org = orgId(values);
      const scopes = parseScopes(required(values, 'scopes'));
      if (!scopes) throw new UsageError('--scopes must list read_all and/or write_all, separated by a comma');
      const key = await withServices(config, (services) =>
        services.accounts.createApiKey({ orgId: org, userId: values.user, scopes, name: values.name }),
      );
      print(
        values.json,
        { id: key.id, apiKey: key.api_key, scopes: key.scopes },
        `Created API key ${key.id} (${key.scopes.join(', ')}) for user ${key.user_id}, shown only now:\n  ${key.api_key}`,
      );
      return;
    }
    case 'key revoke': {
      if (!argument || !/^\d+$/.test(argument))
        throw new UsageError('key revoke takes the id of the key: plaudit key revoke KEY_ID');
      const key = await withServices(config, (services) => services.accounts.revokeApiKey(argument));
      process.stdout.write(`Revoked API key ${key.id} (${key.prefix}…).\n`);
      return;
    }
    case 'demo': {
      const credentials = await withServices(config, (services) => seedDemo(services, { name: values.name }));
      print(
        values.json,
        credentials,
        `Created demo organization ${credentials.organization.id} "${credentials.organization.name}" with ` +
          `${credentials.conversations} conversations.\n` +
          `Sign in as ${credentials.email} / ${credentials.password}\nAPI key: ${credentials.apiKey}`,
      );
      return;
    }
    case 'backup': {
      const summary = await backupDatabase(config.database, required(values, 'to'));
      print(values.json, summary, `Backed up the database to ${describeBackup(summary)}.`);
      return;
    }
    case 'restore': {
      const summary = await restoreDatabase(config.database, required(values, 'from'), { force: values.force });
      print(
        values.json,
        summary,
        `Restored the database from ${describeBackup(summary)}. ` +
          'Start the server to bring its schema up to date if the backup is older.',
      );
      return;
    }
    default:
      throw new UsageError(`Unknown command "${positionals.join(' ')}"`);
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`plaudit: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (
    error instanceof ConfigError ||
    error instanceof AppError ||
    error instanceof StartupError ||
    error instanceof BackupError
  ) {
    process.stderr.write(`plaudit: ${error.message}\n`);
    process.exit(1);
  }
  if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`plaudit: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`plaudit: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
