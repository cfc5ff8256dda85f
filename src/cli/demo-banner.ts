import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from '../config.js';
import type { DemoCredentials } from '../modules/demo/index.js';
import { seedDemo } from '../modules/demo/index.js';
import type { Services } from '../services.js';

/**
 * Where `npm start` keeps the demo's credentials, so that it can print them on every start (the API key is stored
 * only as a hash in the database). Demo data only; production installs never run the demo.
 */
export const DEMO_CREDENTIALS_FILE = './data/demo-credentials.json';

function readSaved(): DemoCredentials | undefined {
  if (!existsSync(DEMO_CREDENTIALS_FILE)) return undefined;
  try {
    return JSON.parse(readFileSync(DEMO_CREDENTIALS_FILE, 'utf8')) as DemoCredentials;
  } catch {
    return undefined;
  }
}

function save(credentials: DemoCredentials): void {
  mkdirSync(dirname(DEMO_CREDENTIALS_FILE), { recursive: true });
  writeFileSync(DEMO_CREDENTIALS_FILE, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(DEMO_CREDENTIALS_FILE, 0o600);
}

/** Seeds the demo organization into an empty database; answers the credentials to show, if any are known. */
export async function ensureDemo(services: Services): Promise<{ credentials?: DemoCredentials; created: boolean }> {
  if ((await services.accounts.countOrganizations()) === 0) {
    const credentials = await seedDemo(services);
    save(credentials);
    return { credentials, created: true };
  }
  const saved = readSaved();
  if (saved && (await services.accounts.findOrganization(saved.organization.id))?.name === saved.organization.name) {
    try {
      await services.accounts.authenticate(saved.apiKey);
      return { credentials: saved, created: false };
    } catch {
      // The key was revoked or belongs to another database: say nothing rather than print a dead key.
    }
  }
  return { created: false };
}

/** The lines `npm start` prints: where to go, how to sign in, and a key to try the API with. */
export function demoBanner(
  config: Config,
  url: string,
  demo: { credentials?: DemoCredentials; created: boolean },
): string {
  const base = config.publicUrl || url;
  const lines = ['', `Plaudit is running at ${base}`, `  Dashboard:  ${base}/`, `  API docs:   ${base}/docs`];
  if (demo.credentials) {
    const { credentials } = demo;
    lines.push(
      '',
      `${demo.created ? 'Created the' : 'The'} demo organization "${credentials.organization.name}" (id ${credentials.organization.id}) with ${credentials.conversations} conversations, their ratings and feedback.`,
      `  Demo user:  ${credentials.email} / ${credentials.password}   (sign in to the dashboard with these)`,
      `  API key:    ${credentials.apiKey}`,
      '',
      'Try it:',
      `  curl -H "Authorization: Bearer ${credentials.apiKey}" ${base}/v1/conversations?limit=2`,
    );
  } else {
    lines.push(
      '',
      'The database has organizations already. Make a key with:',
      '  npx plaudit key create --org <ORG_ID> --scopes read_all,write_all',
    );
  }
  return `${lines.join('\n')}\n`;
}
