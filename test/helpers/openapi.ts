import type * as AppModule from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';

/** The OpenAPI document as committed in docs/openapi.json: built from the routes with the default configuration. */
export async function renderOpenApi(app: typeof AppModule): Promise<string> {
  const database = openDatabase({ dialect: 'sqlite', path: ':memory:' });
  const built = await app.buildApp({ config: loadConfig({}), database });
  await built.ready();
  const text = `${JSON.stringify(built.swagger(), null, 2)}\n`;
  await built.close();
  await database.close();
  return text;
}
