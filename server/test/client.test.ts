import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_SCHEMA_FILE, clientSchemaSource } from '../src/openapi/clientSource.ts';

describe('the typed client (packages/client)', () => {
  it('is generated from the routes as they are (pnpm client:generate writes it)', async () => {
    expect(await clientSchemaSource(), 'packages/client/src/schema.ts is stale: run pnpm client:generate').toBe(
      readFileSync(CLIENT_SCHEMA_FILE, 'utf8'),
    );
  });
});
