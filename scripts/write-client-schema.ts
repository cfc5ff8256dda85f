// Writes packages/client/src/schema.d.ts from docs/openapi.json (npm run client:generate).
import { readFileSync, writeFileSync } from 'node:fs';
import { clientSchemaUrl, renderClientSchema } from './client-schema.js';

const openapi = readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8');
writeFileSync(clientSchemaUrl, await renderClientSchema(openapi));
process.stdout.write('wrote packages/client/src/schema.d.ts\n');
