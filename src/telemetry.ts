// OpenTelemetry traces, when OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: the official
// Node SDK exporting over OTLP/HTTP, with Fastify's instrumentation (a span per request, named by its route, and its
// hooks and handler) and pg's (a span per query, under the request that made it). The standard OTEL_* variables
// configure the rest (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER, OTEL_BSP_SCHEDULE_DELAY, …).
// Without the variable nothing here is loaded. `bin/plaudit.js` starts it before any other module is imported, since
// the instrumentations patch modules as they load.
import { register } from 'node:module';

let stop: (() => Promise<void>) | undefined;

export function telemetryWanted(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

export async function startTelemetry(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!telemetryWanted(env) || stop) return;
  // ES modules are patched through this loader hook; CommonJS ones (pg) through require's.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [{ NodeSDK }, { OTLPTraceExporter }, { PgInstrumentation }, { FastifyOtelInstrumentation }] = await Promise.all(
    [
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/instrumentation-pg'),
      import('@fastify/otel'),
    ],
  );
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME?.trim() || 'plaudit',
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new FastifyOtelInstrumentation({ registerOnInitialization: true }),
      // Statements, never their parameters: those hold what people wrote.
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
  sdk.start();
  stop = () => sdk.shutdown();
}

/** Sends the spans still buffered and stops; nothing when telemetry is off. */
export async function stopTelemetry(): Promise<void> {
  await stop?.();
  stop = undefined;
}
