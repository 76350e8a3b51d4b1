import { createClients } from '../adapters/clients';
import { SERVICES } from '../core/ingest/ingest-metrics';
import { ENV } from '../core/schema';
import { createIngestHandler } from './ingest-handler';
import { ingestDepsFromEnv } from './ingest-deps';
import { createPowertools, instrument } from './powertools';

/** Lambda entry: SDK clients, adapters and Powertools are built once per container, at init. */
const pt = createPowertools(SERVICES.ingest, process.env[ENV.logLevel]);
const clients = createClients();
pt.tracer.captureAWSv3Client(clients.s3);
pt.tracer.captureAWSv3Client(clients.dynamo);

export const handler = instrument(pt, 'ingest', createIngestHandler(ingestDepsFromEnv(process.env, { clients, log: pt.log, metrics: pt.sink })));
