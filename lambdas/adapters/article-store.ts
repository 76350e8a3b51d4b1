import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { ArticleRecord } from '../core/types';
import { ARTICLES_TABLE, PREFIX } from '../core/schema';
import {
  decodeCursor,
  encodeCursor,
  fromStoredItem,
  toStoredItem,
  STORY_LIST_KEY,
  type OffloadedText,
  type StoredItem,
} from '../core/store/record-layout';
import type { S3ObjectStore } from './object-store';

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

export interface PageRequest {
  cursor?: string | null;
  limit?: number;
}

export interface RangeRequest extends PageRequest {
  from?: string | null;
  to?: string | null;
  /** Latest published first (the index is read backwards); oldest first by default. */
  newestFirst?: boolean;
}

/** What a story listing shows of each member: no text, so a story of hundreds of copies stays cheap to read. */
export type StoryMemberFields = Pick<ArticleRecord, 'id' | 'outlet' | 'title' | 'published' | 'role' | 'canonicalId' | 'syndication' | 'wordCount' | 'match' | 'sourceKey'>;

const MEMBER_FIELDS: (keyof StoryMemberFields)[] = ['id', 'outlet', 'title', 'published', 'role', 'canonicalId', 'syndication', 'wordCount', 'match', 'sourceKey'];

/** A story's size and the outlets that carry it, read from the story index without the records' text. */
export interface StoryOutlets {
  members: number;
  outlets: string[];
}

export type PutOutcome = 'written' | 'exists';

/**
 * DynamoDB refused the item itself (too large, a key attribute too long): retrying the same
 * record can never succeed, so the handler stores a rejected record in its place.
 */
export class RecordRefusedError extends Error {
  constructor(readonly detail: string) {
    super(`DynamoDB refused the record (${detail.replace(/[.\s]+$/, '')}).`);
    this.name = 'RecordRefusedError';
  }
}

/** The ValidationException messages that depend on the item's content, not on the request's shape. */
const ITEM_REFUSED = /item size|size of (hash|range)key|primary key values must be under|size of all range keys|maximum allowed size/i;

function refusedItem(err: unknown): string | null {
  const e = err as { name?: string; message?: string };
  return e?.name === 'ValidationException' && ITEM_REFUSED.test(e.message ?? '') ? (e.message as string) : null;
}

/** Where article records live. One interface; DynamoDB is the implementation. */
export interface ArticleStore {
  get(id: string): Promise<ArticleRecord | null>;
  /** `create` writes only if the id is new (redelivery is a no-op); `replace` overwrites. */
  put(record: ArticleRecord, mode: 'create' | 'replace'): Promise<PutOutcome>;
  setStory(id: string, fields: Pick<ArticleRecord, 'storyId' | 'role' | 'canonicalId'>): Promise<void>;
  setRulesVersion(id: string, version: string): Promise<void>;
  byStory(storyId: string, page?: PageRequest): Promise<Page<ArticleRecord>>;
  /** A story's members without their text (the story index, projected). */
  storyMembers(storyId: string, page?: PageRequest): Promise<Page<StoryMemberFields>>;
  byOutlet(outlet: string, range?: RangeRequest): Promise<Page<ArticleRecord>>;
  byAgency(agency: string, range?: RangeRequest): Promise<Page<ArticleRecord>>;
  /** Canonical records, one per story, by published time. */
  storyHeads(range?: RangeRequest): Promise<Page<ArticleRecord>>;
  countStory(storyId: string): Promise<number>;
  storyOutlets(storyId: string): Promise<StoryOutlets>;
  /** Full export; the only Scan, for explicit whole-table jobs (stats, reprocess). */
  scanAll(page?: PageRequest): Promise<Page<ArticleRecord>>;
}

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

function rangeCondition(range: RangeRequest): { expr: string; values: Record<string, AttributeValue> } {
  // Sort keys are `<published>#<id>`: `~` sorts after every character used in ids, so it closes `to` inclusively.
  const from = range.from ?? null;
  const to = range.to ? `${range.to}~` : null;
  if (from && to) return { expr: ' AND publishedSort BETWEEN :from AND :to', values: { ':from': { S: from }, ':to': { S: to } } };
  if (from) return { expr: ' AND publishedSort >= :from', values: { ':from': { S: from } } };
  if (to) return { expr: ' AND publishedSort <= :to', values: { ':to': { S: to } } };
  return { expr: '', values: {} };
}

export class DynamoArticleStore implements ArticleStore {
  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly tableName: string,
    private readonly bodies: { store: S3ObjectStore; bucket: string },
  ) {}

  async get(id: string): Promise<ArticleRecord | null> {
    const r = await this.dynamo.send(new GetItemCommand({ TableName: this.tableName, Key: { id: { S: id } }, ConsistentRead: true }));
    return r.Item ? this.hydrate(r.Item) : null;
  }

  async put(record: ArticleRecord, mode: 'create' | 'replace'): Promise<PutOutcome> {
    const { item, offloadJson } = toStoredItem(record, PREFIX.bodies);
    // Text goes to S3 first, so a stored item never points at a missing object.
    if (offloadJson && item.bodyRef) await this.bodies.store.putTextIfAbsent(this.bodies.bucket, item.bodyRef, offloadJson);
    try {
      await this.dynamo.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: marshall(item, { removeUndefinedValues: true }),
          ...(mode === 'create' ? { ConditionExpression: 'attribute_not_exists(id)' } : {}),
        }),
      );
      return 'written';
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException || (err as { name?: string }).name === 'ConditionalCheckFailedException') return 'exists';
      const refused = refusedItem(err);
      if (refused) throw new RecordRefusedError(refused);
      throw err;
    }
  }

  async setStory(id: string, fields: Pick<ArticleRecord, 'storyId' | 'role' | 'canonicalId'>): Promise<void> {
    await this.dynamo.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: { id: { S: id } },
        // Only a story's canonical record stays in the sparse `stories` index.
        UpdateExpression:
          id === fields.canonicalId
            ? 'SET storyId = :s, #r = :r, canonicalId = :c, storyList = :l'
            : 'SET storyId = :s, #r = :r, canonicalId = :c REMOVE storyList',
        ConditionExpression: 'attribute_exists(id) AND #st = :clean',
        ExpressionAttributeNames: { '#r': 'role', '#st': 'status' },
        ExpressionAttributeValues: {
          ':s': { S: fields.storyId },
          ':r': { S: fields.role },
          ':c': { S: fields.canonicalId },
          ':clean': { S: 'clean' },
          ...(id === fields.canonicalId ? { ':l': { S: STORY_LIST_KEY } } : {}),
        },
      }),
    );
  }

  async setRulesVersion(id: string, version: string): Promise<void> {
    await this.dynamo.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: { id: { S: id } },
        UpdateExpression: 'SET rulesVersion = :v',
        ConditionExpression: 'attribute_exists(id)',
        ExpressionAttributeValues: { ':v': { S: version } },
      }),
    );
  }

  byStory(storyId: string, page: PageRequest = {}): Promise<Page<ArticleRecord>> {
    return this.query('byStory', 'storyId = :k', { ':k': { S: storyId } }, page);
  }

  async storyMembers(storyId: string, page: PageRequest = {}): Promise<Page<StoryMemberFields>> {
    const names = Object.fromEntries(MEMBER_FIELDS.map((f, i) => [`#f${i}`, f]));
    const r = await this.dynamo.send(
      new QueryCommand({
        ...this.byStoryKey(storyId),
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: names,
        Limit: clampLimit(page.limit),
        ExclusiveStartKey: decodeCursor(page.cursor) as Record<string, AttributeValue> | undefined,
      }),
    );
    const items = (r.Items ?? []).map((i) => {
      const m = unmarshall(i) as StoryMemberFields;
      return { ...m, title: m.title ?? null, published: m.published ?? null, match: m.match ?? null, syndication: m.syndication ?? [] };
    });
    return { items, cursor: encodeCursor(r.LastEvaluatedKey) };
  }

  byOutlet(outlet: string, range: RangeRequest = {}): Promise<Page<ArticleRecord>> {
    const c = rangeCondition(range);
    return this.query('byOutletPublished', `outlet = :k${c.expr}`, { ':k': { S: outlet }, ...c.values }, range);
  }

  byAgency(agency: string, range: RangeRequest = {}): Promise<Page<ArticleRecord>> {
    const c = rangeCondition(range);
    return this.query('byAgency', `agency = :k${c.expr}`, { ':k': { S: agency }, ...c.values }, range);
  }

  storyHeads(range: RangeRequest = {}): Promise<Page<ArticleRecord>> {
    const c = rangeCondition(range);
    return this.query('stories', `storyList = :k${c.expr}`, { ':k': { S: STORY_LIST_KEY }, ...c.values }, range);
  }

  async countStory(storyId: string): Promise<number> {
    let count = 0;
    await this.eachStoryPage(storyId, { Select: 'COUNT' }, (r) => {
      count += r.Count ?? 0;
    });
    return count;
  }

  async storyOutlets(storyId: string): Promise<StoryOutlets> {
    const outlets = new Set<string>();
    let members = 0;
    await this.eachStoryPage(storyId, { ProjectionExpression: 'outlet' }, (r) => {
      for (const item of r.Items ?? []) if (item.outlet?.S) outlets.add(item.outlet.S);
      members += r.Count ?? 0;
    });
    return { members, outlets: [...outlets].sort() };
  }

  /** The byStory index query of one story's members. */
  private byStoryKey(storyId: string): Pick<QueryCommandInput, 'TableName' | 'IndexName' | 'KeyConditionExpression' | 'ExpressionAttributeValues'> {
    return { TableName: this.tableName, IndexName: 'byStory', KeyConditionExpression: 'storyId = :k', ExpressionAttributeValues: { ':k': { S: storyId } } };
  }

  /** Every page of a story's members on the byStory index (bounded: 1,000 pages). */
  private async eachStoryPage(storyId: string, shape: Pick<QueryCommandInput, 'Select' | 'ProjectionExpression'>, onPage: (r: QueryCommandOutput) => void): Promise<void> {
    let start: Record<string, AttributeValue> | undefined;
    for (let i = 0; i < 1000; i++) {
      const r = await this.dynamo.send(
        new QueryCommand({
          ...this.byStoryKey(storyId),
          ...shape,
          ExclusiveStartKey: start,
        }),
      );
      onPage(r);
      start = r.LastEvaluatedKey;
      if (!start) break;
    }
  }

  async scanAll(page: PageRequest = {}): Promise<Page<ArticleRecord>> {
    const r = await this.dynamo.send(
      new ScanCommand({
        TableName: this.tableName,
        Limit: clampLimit(page.limit),
        ExclusiveStartKey: decodeCursor(page.cursor) as Record<string, AttributeValue> | undefined,
      }),
    );
    return { items: await Promise.all((r.Items ?? []).map((i) => this.hydrate(i))), cursor: encodeCursor(r.LastEvaluatedKey) };
  }

  private async query(
    indexName: string,
    keyCondition: string,
    values: Record<string, AttributeValue>,
    page: RangeRequest,
  ): Promise<Page<ArticleRecord>> {
    if (!ARTICLES_TABLE.globalSecondaryIndexes.some((i) => i.indexName === indexName)) throw new Error(`Unknown index ${indexName}`);
    const r = await this.dynamo.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: indexName,
        KeyConditionExpression: keyCondition,
        ExpressionAttributeValues: values,
        Limit: clampLimit(page.limit),
        ExclusiveStartKey: decodeCursor(page.cursor) as Record<string, AttributeValue> | undefined,
        ScanIndexForward: !page.newestFirst,
      }),
    );
    return { items: await Promise.all((r.Items ?? []).map((i) => this.hydrate(i))), cursor: encodeCursor(r.LastEvaluatedKey) };
  }

  private async hydrate(raw: Record<string, AttributeValue>): Promise<ArticleRecord> {
    const item = unmarshall(raw) as StoredItem;
    let offloaded: OffloadedText | null = null;
    if (item.bodyRef) offloaded = JSON.parse(await this.bodies.store.getText(this.bodies.bucket, item.bodyRef)) as OffloadedText;
    return fromStoredItem(item, offloaded);
  }
}

function clampLimit(limit: number | undefined): number {
  if (!limit || !Number.isFinite(limit) || limit <= 0) return DEFAULT_PAGE;
  return Math.min(Math.floor(limit), MAX_PAGE);
}
