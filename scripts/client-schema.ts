// Renders packages/client/src/schema.d.ts from the OpenAPI document: the native API only, without the
// vendor-compatible surfaces and the dashboard's session routes. A test fails when the committed file is stale.
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

/** Where the generated types live. */
export const clientSchemaUrl = new URL('../packages/client/src/schema.d.ts', import.meta.url);

/** Whether a path belongs to the native API: `/v1/...` and the probes, but no vendor-compatible operation. */
function isNative(path: string, item: Record<string, { tags?: string[] }>): boolean {
  if (path === '/health' || path === '/ready') return true;
  if (!path.startsWith('/v1/')) return false;
  return Object.values(item).every((operation) => !(operation.tags ?? []).some((tag) => tag.endsWith(' compatible')));
}

/** The text of schema.d.ts for an OpenAPI document given as JSON text; the same input always gives the same text. */
export async function renderClientSchema(openapiJson: string): Promise<string> {
  const document = JSON.parse(openapiJson) as OpenAPI3 & { paths: Record<string, Record<string, { tags?: string[] }>> };
  const paths = Object.fromEntries(Object.entries(document.paths).filter(([path, item]) => isNative(path, item)));
  const nodes = await openapiTS({ ...document, paths } as OpenAPI3, { silent: true });
  const header = '// Generated from docs/openapi.json by `npm run client:generate`. Do not edit by hand.\n\n';
  const text = header + astToString(nodes);
  const options = (await resolveConfig(clientSchemaUrl)) ?? {};
  return format(text, { ...options, filepath: clientSchemaUrl.pathname });
}
