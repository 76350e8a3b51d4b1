import {
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
  startKeyAfter,
  toStoredItem,
  STORY_LIST_KEY,
  type OffloadedText,
  type StoredItem,
} from '../core/store/record-layout';
import { responseBytes, type PageBudget } from '../core/query/page-budget';
import type { S3ObjectStore } from './object-store';
import { isConditionFailure, refusedItem } from './dynamo-errors';
import { NewsIngestError } from '../core/errors';

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

export interface PageRequest {
  cursor?: string | null;
  limit?: number;
  /** Bounds the page's response bytes as well as its items; may be shared by several pages of one response. */
  budget?: PageBudget;
}

export interface RangeRequest extends PageRequest {
  from?: string | null;
  to?: string | null;
  /** Latest published first (the index is read backwards); oldest first by default. */
  newestFirst?: boolean;
}

/** What a story listing shows of each member: no text, so a story of hundreds of copies stays cheap to read. */
export type StoryMemberFields = Pick<
  ArticleRecord,
  'id' | 'outlet' | 'title' | 'published' | 'role' | 'canonicalId' | 'syndication' | 'wordCount' | 'match' | 'sourceKey'
>;

const MEMBER_FIELDS: (keyof StoryMemberFields)[] = [
  'id',
  'outlet',
  'title',
  'published',
  'role',
  'canonicalId',
  'syndication',
  'wordCount',
  'match',
  'sourceKey',
];

/** A member as looked up by id, with what tells whether and where it belongs to a story. */
export type StoryMemberLookup = StoryMemberFields & Pick<ArticleRecord, 'status' | 'storyId'>;

/**
 * What a story listing shows of a story's canonical record, and the member count the story
 * sync keeps on it (absent on records stored before counts were kept, or without dedupe).
 */
export type StoryHead = Pick<ArticleRecord, 'id' | 'storyId' | 'canonicalId' | 'title' | 'outlet' | 'published' | 'syndication'> & { memberCount?: number };

const HEAD_FIELDS: (keyof StoryHead)[] = ['id', 'storyId', 'canonicalId', 'title', 'outlet', 'published', 'syndication', 'memberCount'];

/** ProjectionExpression and its attribute names (every field aliased: several are reserved words). */
function projection(fields: readonly string[]): Pick<QueryCommandInput, 'ProjectionExpression' | 'ExpressionAttributeNames'> {
  const names = Object.fromEntries(fields.map((f, i) => [`#f${i}`, f]));
  return { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names };
}

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
export class RecordRefusedError extends NewsIngestError {
  constructor(readonly detail: string) {
    super(`DynamoDB refused the record (${detail.replace(/[.\s]+$/, '')}).`);
  }
}

/** Where article records live. One interface; DynamoDB is the implementation. */
export interface ArticleStore {
  get(id: string): Promise<ArticleRecord | null>;
  /** One record's story fields without its text. */
  getMember(id: string): Promise<StoryMemberLookup | null>;
  /** `create` writes only if the id is new (redelivery is a no-op); `replace` overwrites. */
  put(record: ArticleRecord, mode: 'create' | 'replace'): Promise<PutOutcome>;
  /** `absent` when there is no clean record under the id (yet): a racing writer has not stored it. */
  setStory(id: string, fields: Pick<ArticleRecord, 'storyId' | 'role' | 'canonicalId'>): Promise<'updated' | 'absent'>;
  setRulesVersion(id: string, version: string): Promise<void>;
  /**
   * Stores a story's member count on its canonical record. `grow` only ever raises it (racing
   * joiners each count a tree that may miss the other; the last to join counts them all);
   * `exact` sets it (a member left). False when the record is not, or not yet, that canonical.
   */
  setMemberCount(canonicalId: string, storyId: string, members: number, mode: 'grow' | 'exact'): Promise<boolean>;
  byStory(storyId: string, page?: PageRequest): Promise<Page<ArticleRecord>>;
  /** A story's members without their text (the story index, projected). */
  storyMembers(storyId: string, page?: PageRequest): Promise<Page<StoryMemberFields>>;
  byOutlet(outlet: string, range?: RangeRequest): Promise<Page<ArticleRecord>>;
  byAgency(agency: string, range?: RangeRequest): Promise<Page<ArticleRecord>>;
  /** Canonical records, one per story, by published time, without their text. */
  storyHeads(range?: RangeRequest): Promise<Page<StoryHead>>;
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

  async getMember(id: string): Promise<StoryMemberLookup | null> {
    const r = await this.dynamo.send(
      new GetItemCommand({ TableName: this.tableName, Key: { id: { S: id } }, ConsistentRead: true, ...projection([...MEMBER_FIELDS, 'status', 'storyId']) }),
    );
    return r.Item ? { ...memberFields(r.Item), status: r.Item.status?.S as ArticleRecord['status'], storyId: r.Item.storyId?.S ?? '' } : null;
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
      if (isConditionFailure(err)) return 'exists';
      const refused = refusedItem(err);
      if (refused) throw new RecordRefusedError(refused);
      throw err;
    }
  }

  async setStory(id: string, fields: Pick<ArticleRecord, 'storyId' | 'role' | 'canonicalId'>): Promise<'updated' | 'absent'> {
    try {
      await this.dynamo.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: { id: { S: id } },
          // Only a story's canonical record stays in the sparse `stories` index.
          UpdateExpression:
            id === fields.canonicalId
              ? 'SET storyId = :s, #r = :r, canonicalId = :c, storyList = :l'
              : 'SET storyId = :s, #r = :r, canonicalId = :c REMOVE storyList, memberCount',
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
      return 'updated';
    } catch (err) {
      if (isConditionFailure(err)) return 'absent';
      throw err;
    }
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

  async setMemberCount(canonicalId: string, storyId: string, members: number, mode: 'grow' | 'exact'): Promise<boolean> {
    try {
      await this.dynamo.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: { id: { S: canonicalId } },
          UpdateExpression: 'SET memberCount = :n',
          ConditionExpression:
            'attribute_exists(storyList) AND storyId = :s AND canonicalId = id' +
            (mode === 'grow' ? ' AND (attribute_not_exists(memberCount) OR memberCount < :n)' : ''),
          ExpressionAttributeValues: { ':n': { N: String(members) }, ':s': { S: storyId } },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  byStory(storyId: string, page: PageRequest = {}): Promise<Page<ArticleRecord>> {
    return this.query('byStory', 'storyId = :k', { ':k': { S: storyId } }, page);
  }

  async storyMembers(storyId: string, page: PageRequest = {}): Promise<Page<StoryMemberFields>> {
    const r = await this.dynamo.send(
      new QueryCommand({
        ...this.byStoryKey(storyId),
        // The index keys too, so a page cut short by its budget can say where to resume.
        ...projection([...MEMBER_FIELDS, 'storyId', 'storySort']),
        Limit: clampLimit(page.limit),
        ExclusiveStartKey: decodeCursor(page.cursor) as Record<string, AttributeValue> | undefined,
      }),
    );
    return this.budgeted(r.Items ?? [], (i) => Promise.resolve(memberFields(i)), 'byStory', r.LastEvaluatedKey, page.budget);
  }

  byOutlet(outlet: string, range: RangeRequest = {}): Promise<Page<ArticleRecord>> {
    const c = rangeCondition(range);
    return this.query('byOutletPublished', `outlet = :k${c.expr}`, { ':k': { S: outlet }, ...c.values }, range);
  }

  byAgency(agency: string, range: RangeRequest = {}): Promise<Page<ArticleRecord>> {
    const c = rangeCondition(range);
    return this.query('byAgency', `agency = :k${c.expr}`, { ':k': { S: agency }, ...c.values }, range);
  }

  async storyHeads(range: RangeRequest = {}): Promise<Page<StoryHead>> {
    const c = rangeCondition(range);
    const r = await this.dynamo.send(
      new QueryCommand({
        ...this.indexQuery('stories', `storyList = :k${c.expr}`, { ':k': { S: STORY_LIST_KEY }, ...c.values }, range),
        ...projection([...HEAD_FIELDS, 'storyList', 'publishedSort']),
      }),
    );
    return this.budgeted(r.Items ?? [], (i) => Promise.resolve(headFields(i)), 'stories', r.LastEvaluatedKey, range.budget);
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
  private async eachStoryPage(
    storyId: string,
    shape: Pick<QueryCommandInput, 'Select' | 'ProjectionExpression'>,
    onPage: (r: QueryCommandOutput) => void,
  ): Promise<void> {
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
    return this.budgeted(r.Items ?? [], (i) => this.hydrate(i), null, r.LastEvaluatedKey, page.budget);
  }

  private indexQuery(indexName: string, keyCondition: string, values: Record<string, AttributeValue>, page: RangeRequest): QueryCommandInput {
    if (!ARTICLES_TABLE.globalSecondaryIndexes.some((i) => i.indexName === indexName)) throw new Error(`Unknown index ${indexName}`);
    return {
      TableName: this.tableName,
      IndexName: indexName,
      KeyConditionExpression: keyCondition,
      ExpressionAttributeValues: values,
      Limit: clampLimit(page.limit),
      ExclusiveStartKey: decodeCursor(page.cursor) as Record<string, AttributeValue> | undefined,
      ScanIndexForward: !page.newestFirst,
    };
  }

  private async query(indexName: string, keyCondition: string, values: Record<string, AttributeValue>, page: RangeRequest): Promise<Page<ArticleRecord>> {
    const r = await this.dynamo.send(new QueryCommand(this.indexQuery(indexName, keyCondition, values, page)));
    return this.budgeted(r.Items ?? [], (i) => this.hydrate(i), indexName, r.LastEvaluatedKey, page.budget);
  }

  /**
   * Converts a query's items in order while the budget admits them. Cut short, the cursor
   * resumes right after the last item kept; otherwise it is the query's own.
   */
  private async budgeted<T>(
    raw: Record<string, AttributeValue>[],
    convert: (item: Record<string, AttributeValue>) => Promise<T>,
    indexName: string | null,
    lastKey: Record<string, AttributeValue> | undefined,
    budget: PageBudget | undefined,
  ): Promise<Page<T>> {
    if (!budget) return { items: await Promise.all(raw.map(convert)), cursor: encodeCursor(lastKey) };
    const items: T[] = [];
    // One at a time, so a page cut short never reads the offloaded bodies of items it drops.
    for (const item of raw) {
      const converted = await convert(item);
      if (!budget.admit(responseBytes(converted)))
        return { items, cursor: items.length ? encodeCursor(startKeyAfter(raw[items.length - 1], indexName)) : null };
      items.push(converted);
    }
    return { items, cursor: encodeCursor(lastKey) };
  }

  private async hydrate(raw: Record<string, AttributeValue>): Promise<ArticleRecord> {
    const item = unmarshall(raw) as StoredItem;
    let offloaded: OffloadedText | null = null;
    if (item.bodyRef) offloaded = JSON.parse(await this.bodies.store.getText(this.bodies.bucket, item.bodyRef)) as OffloadedText;
    return fromStoredItem(item, offloaded);
  }
}

function memberFields(i: Record<string, AttributeValue>): StoryMemberFields {
  const m = unmarshall(i) as StoryMemberFields;
  const fields = Object.fromEntries(MEMBER_FIELDS.map((f) => [f, m[f]])) as StoryMemberFields;
  return { ...fields, title: m.title ?? null, published: m.published ?? null, match: m.match ?? null, syndication: m.syndication ?? [] };
}

function headFields(i: Record<string, AttributeValue>): StoryHead {
  const h = unmarshall(i) as StoryHead;
  return {
    id: h.id,
    storyId: h.storyId,
    canonicalId: h.canonicalId,
    title: h.title ?? null,
    outlet: h.outlet,
    published: h.published ?? null,
    syndication: h.syndication ?? [],
    ...(h.memberCount !== undefined ? { memberCount: h.memberCount } : {}),
  };
}

function clampLimit(limit: number | undefined): number {
  if (!limit || !Number.isFinite(limit) || limit <= 0) return DEFAULT_PAGE;
  return Math.min(Math.floor(limit), MAX_PAGE);
}
