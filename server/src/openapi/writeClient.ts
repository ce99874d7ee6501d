/** `pnpm client:generate`: writes packages/client/src/schema.ts from the server's routes. */
import { writeFileSync } from 'node:fs';
import { CLIENT_SCHEMA_FILE, clientSchemaSource } from './clientSource.ts';

writeFileSync(CLIENT_SCHEMA_FILE, await clientSchemaSource());
