import { createIngestHandler } from './ingest-handler';
import { ingestDepsFromEnv } from './ingest-deps';

/** Lambda entry: SDK clients and adapters are built once per container, at init. */
export const handler = createIngestHandler(ingestDepsFromEnv());
