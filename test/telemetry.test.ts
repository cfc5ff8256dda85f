import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { dialects } from './helpers/databases.js';
import { freshDatabase, runCliJson, startServer, type ServerProcess } from './helpers/processes.js';

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Array<{ key: string; value: { stringValue?: string; intValue?: string | number } }>;
}

const attribute = (span: Span, key: string) => {
  const value = span.attributes.find((entry) => entry.key === key)?.value;
  return value?.stringValue ?? (value?.intValue !== undefined ? Number(value.intValue) : undefined);
};

/** A local OTLP/HTTP receiver: what the official exporter sends to `/v1/traces`, as JSON. */
function otlpReceiver(): Promise<{ server: Server; url: string; spans: Span[]; services: string[] }> {
  const spans: Span[] = [];
  const services: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') {
        assert.match(String(request.headers['content-type']), /application\/json/);
        for (const resource of JSON.parse(body).resourceSpans ?? []) {
          const name = resource.resource?.attributes?.find((entry: { key: string }) => entry.key === 'service.name');
          if (name) services.push(name.value.stringValue);
          for (const scope of resource.scopeSpans ?? []) spans.push(...scope.spans);
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}`, spans, services });
    }),
  );
}

for (const dialect of dialects) {
  describe(`OpenTelemetry traces over OTLP/HTTP [${dialect}]`, () => {
    let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
    let database: { url: string; drop(): Promise<void> };
    let server: ServerProcess;
    let key: string;

    before(async () => {
      receiver = await otlpReceiver();
      database = await freshDatabase(dialect);
      key = (await runCliJson<{ apiKey: string }>(database.url, ['org', 'create', '--name', 'Traced', '--json']))
        .apiKey;
      server = await startServer(database.url, {
        env: {
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
          OTEL_BSP_SCHEDULE_DELAY: '50',
          OTEL_SERVICE_NAME: 'plaudit-test',
        },
      });
    });

    after(async () => {
      await server?.kill();
      await database?.drop();
      receiver?.server.close();
    });

    it('exports a span per request, named by its route, with its database queries beneath it on PostgreSQL', async () => {
      const listed = await server.request('GET', '/v1/conversations?limit=5', key);
      assert.equal(listed.status, 200);
      let request: Span | undefined;
      for (let tries = 0; tries < 200 && !request; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        request = receiver.spans.find(
          (span) => attribute(span, 'http.route') === '/v1/conversations' && !span.parentSpanId,
        );
      }
      assert.ok(request, `a request span for /v1/conversations among: ${receiver.spans.map((s) => s.name).join(', ')}`);
      assert.equal(attribute(request, 'http.response.status_code') ?? attribute(request, 'http.status_code'), 200);
      assert.ok(receiver.services.includes('plaudit-test'), 'OTEL_SERVICE_NAME names the service');
      // The raw URL with its query stays out of the route: spans group by route, not by every id and page.
      assert.equal(
        receiver.spans.some((span) => String(attribute(span, 'http.route')).includes('?')),
        false,
      );
      if (dialect === 'postgres') {
        let queries: Span[] = [];
        for (let tries = 0; tries < 100 && queries.length === 0; tries += 1) {
          queries = receiver.spans.filter(
            (span) =>
              span.traceId === request!.traceId &&
              (attribute(span, 'db.system.name') ?? attribute(span, 'db.system')) === 'postgresql' &&
              /conversations/.test(String(attribute(span, 'db.query.text') ?? attribute(span, 'db.statement'))),
          );
          if (queries.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.ok(queries.length > 0, 'the list query is a span of the request trace');
        // Statements without their values: what people wrote stays out of the traces.
        assert.equal(
          queries.some((span) => attribute(span, 'db.postgresql.values') !== undefined),
          false,
        );
      }
    });
  });
}
