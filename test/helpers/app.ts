import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database, Dialect } from '../../src/db/database.js';
import type { Scope } from '../../src/modules/accounts/index.js';
import { lowerPasswordCostForTests } from '../../src/modules/accounts/passwords.js';
import { createTestDatabase, dialects } from './databases.js';

export interface Tenant {
  orgId: number;
  userId: string;
  /** A key with both scopes. */
  key: string;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

export interface RequestOptions {
  key?: string | null;
  body?: unknown;
  /** Sent as is, instead of JSON-encoding `body`. */
  payload?: string | Buffer;
  headers?: Record<string, string>;
  /** Send the key without `Bearer `, as Dixa clients do. */
  bare?: boolean;
}

/** What a test gets: the app built exactly as in production, on one dialect, plus factories. */
export interface TestContext {
  readonly dialect: Dialect;
  readonly app: App;
  readonly database: Database;
  /** Calls the API; fails the test when the answer does not match the route's declared schema. */
  request<T = any>(method: string, url: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** A new organization with an admin and a key holding both scopes: each test its own tenant. */
  newTenant(name?: string): Promise<Tenant>;
  /** A further key for a tenant's admin. */
  newKey(tenant: Tenant, scopes: Scope[]): Promise<{ id: number; key: string }>;
}

// Suites sign in hundreds of times; at the production scrypt cost that alone took minutes of CPU. The production cost
// has its test in src/modules/accounts/passwords.test.ts, and the `plaudit` processes the tests start keep it.
lowerPasswordCostForTests(2 ** 10);

export const testConfig = loadConfig({
  PUBLIC_URL: 'https://plaudit.test',
  LOG_LEVEL: 'silent',
  // The suites drive the rating page far faster than a person; the rate limit has a test of its own.
  RATING_PAGE_RATE_LIMIT: '100000',
  // Likewise the sign-in limit (test/sessions.test.ts tests it with an app of its own).
  SIGN_IN_RATE_LIMIT: '100000',
  // Likewise the per-key API limit (test/rate-limit.test.ts tests it with apps of its own).
  API_RATE_LIMIT: '100000000',
  // Webhook receivers in the tests listen on 127.0.0.1; test/webhooks.test.ts checks the refusal with it off.
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
});

/**
 * Declares the suite once per dialect of this run. Each dialect gets its own fresh database (SQLite in memory,
 * PostgreSQL in a new database dropped afterwards) and its own app — built with `options.config` over the test
 * configuration when a suite needs other settings (a low rate limit, a proxy in front).
 */
export function describeEachDialect(
  name: string,
  define: (ctx: TestContext) => void,
  options: { config?: Partial<Config> } = {},
): void {
  const config = { ...testConfig, ...options.config };
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, () => {
      let app: App | undefined;
      let database: Database | undefined;
      let drop: (() => Promise<void>) | undefined;
      let tenants = 0;

      before(async () => {
        const created = await createTestDatabase(dialect);
        database = created.database;
        drop = created.drop;
        app = await buildApp({ config, database, validateResponses: true });
        await app.ready();
      });

      after(async () => {
        await app?.close();
        await drop?.();
      });

      const ctx: TestContext = {
        dialect,
        get app() {
          return app!;
        },
        get database() {
          return database!;
        },
        async request(method, url, options = {}) {
          const headers: Record<string, string> = { ...options.headers };
          if (options.key) headers.authorization = options.bare ? options.key : `Bearer ${options.key}`;
          let payload = options.payload;
          if (payload === undefined && options.body !== undefined) {
            payload = JSON.stringify(options.body);
            headers['content-type'] ??= 'application/json';
          }
          const raw = await app!.inject({ method: method as 'GET', url, headers, payload });
          const mismatches = app!.schemaMismatches.splice(0);
          assert.deepEqual(mismatches, [], `response of ${method} ${url} does not match its declared schema`);
          const type = String(raw.headers['content-type'] ?? '');
          const body = type.includes('json') && raw.body ? JSON.parse(raw.body) : raw.body;
          return { status: raw.statusCode, body, headers: raw.headers, raw };
        },
        async newTenant(tenantName) {
          tenants += 1;
          const result = await app!.services.accounts.createOrganization({
            name: tenantName ?? `Tenant ${tenants}`,
            adminEmail: `admin-${tenants}-${Math.random().toString(36).slice(2)}@test.invalid`,
          });
          return { orgId: result.organization.id, userId: result.user.id, key: result.apiKey.api_key };
        },
        async newKey(tenant, scopes) {
          const key = await app!.services.accounts.createApiKey({ orgId: tenant.orgId, userId: tenant.userId, scopes });
          return { id: key.id, key: key.api_key };
        },
      };
      define(ctx);
    });
  }
}

/** Asserts an answer in the native error shape, with its status and code. */
export function assertError(response: ApiResponse, status: number, code: string, messagePattern?: RegExp): void {
  assert.equal(
    response.status,
    status,
    `expected ${status} ${code}, got ${response.status}: ${JSON.stringify(response.body)}`,
  );
  assert.equal(response.body?.error?.code, code);
  assert.equal(typeof response.body.error.message, 'string');
  assert.ok(response.body.error.message.length > 0);
  if (messagePattern) assert.match(response.body.error.message, messagePattern);
}
