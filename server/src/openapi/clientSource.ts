import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '@shanzhi/store/sqlite';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../app.ts';

/** Where the generated client's types live (packages/client reads them; no server code there). */
export const CLIENT_SCHEMA_FILE = join(import.meta.dirname, '../../../packages/client/src/schema.ts');

const HEADER = "// Generated from the server's OpenAPI document by `pnpm client:generate`: do not edit.\n";

/** The OpenAPI document the server serves at /docs/json, from an app on a throwaway store. */
export async function openapiDocument(): Promise<OpenAPI3> {
  const dir = mkdtempSync(join(tmpdir(), 'shanzhi-openapi-'));
  const app = await buildApp({ store: createSqliteStore({ file: ':memory:', filesDir: dir }), jwtSecret: 'openapi'.repeat(6) });
  try {
    await app.ready();
    return app.swagger() as OpenAPI3;
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The TypeScript source of packages/client/src/schema.ts for the server as it is now. */
export async function clientSchemaSource(): Promise<string> {
  return HEADER + astToString(await openapiTS(await openapiDocument()));
}
