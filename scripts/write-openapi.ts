// Writes docs/openapi.json from the route schemas (npm run openapi). A test fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { renderOpenApi } from '../test/helpers/openapi.js';

writeFileSync(new URL('../docs/openapi.json', import.meta.url), await renderOpenApi(await import('../src/app.js')));
process.stdout.write('wrote docs/openapi.json\n');
