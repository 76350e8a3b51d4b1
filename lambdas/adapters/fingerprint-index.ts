import {
  BatchExecuteStatementCommand,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type BatchStatementResponse,
  DeleteItemCommand,
  GetItemCommand,
  ConditionalCheckFailedException,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import {
  KEY_MEMBER_CAP,
  type Assignment,
  type Fingerprint,
  type FingerprintIndexPort,
  type IndexSnapshot,
  type KeyMembers,
  type StoredArticle,
  type StoryState,
} from '../core/dedupe';

/**
 * DynamoDB implementation of the dedupe index port, in the fingerprint table (FINGERPRINT_TABLE:
 * `pk` + `sk`, no GSIs). Item families by pk prefix:
 *   fp#<articleId>  / fp     the fingerprint (binary token hashes), storyId, finished assignment
 *   band#… tband#… sent#… hash#… / m members: string set of article ids, capped at KEY_MEMBER_CAP
 *   story#<storyId> / story  members as `m:<articleId>` = canonical rank, mergedInto, mergedFrom
 * Every method is one atomic UpdateItem/PutItem per item or one BatchGetItem per 100 items, so
 * the calls per article are bounded by the number of keys an article has, never by corpus size.
 * Key memberships go out as PartiQL batches (25 atomic statements a call) where the server
 * implements them (DynamoDB, DynamoDB Local), and as one UpdateItem per key where it does not
 * (dynalite, the local default) or for the rare key a batch statement could not settle.
 */

const BATCH_GET_LIMIT = 100;
const BATCH_WRITE_LIMIT = 25;
/** Statements per BatchExecuteStatement call (the service's limit). */
const STATEMENTS_PER_BATCH = 25;
/** Full keys remembered per container (each at most KEY_MEMBER_CAP ids: about 2 MB). */
const FULL_KEY_CACHE_SIZE = 2000;
const BATCH_GET_ATTEMPTS = 6;
/** Members set per UpdateItem when copying a merged story (expression size stays far below 4 KB). */
const MEMBERS_PER_UPDATE = 80;
const MEMBER_PREFIX = 'm:';

type Item = Record<string, AttributeValue>;

const articleKey = (id: string): Item => ({ pk: { S: `fp#${id}` }, sk: { S: 'fp' } });
const memberKey = (key: string): Item => ({ pk: { S: key }, sk: { S: 'm' } });
const storyKey = (id: string): Item => ({ pk: { S: `story#${id}` }, sk: { S: 'story' } });

export class DynamoFingerprintIndex implements FingerprintIndexPort {
  /**
   * Members of keys found full, most recently used last. A full set takes no new members, so a
   * warm container answers for it without a call; otherwise every boilerplate key (agency
   * copyright, outlet chrome) would cost a failed update, plus a read on servers that do not
   * return the item with the failure, on every article, more of them as the corpus grows. Only
   * reprocessing removes members (rarely): a stale entry then keeps one article out of a set
   * with room, which its other keys make up for.
   */
  private readonly fullKeys = new Map<string, readonly string[]>();

  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly tableName: string,
    private readonly fullKeyCacheSize = FULL_KEY_CACHE_SIZE,
  ) {}

  async putArticle(fingerprint: Fingerprint): Promise<StoredArticle | null> {
    try {
      await this.dynamo.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: { ...articleKey(fingerprint.articleId), ...encodeFingerprint(fingerprint) },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return null;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      if (err.Item) return decodeArticle(err.Item);
      // Servers without ReturnValuesOnConditionCheckFailure (dynalite, the local default) send no item: read it.
      const r = await this.dynamo.send(new GetItemCommand({ TableName: this.tableName, Key: articleKey(fingerprint.articleId), ConsistentRead: true }));
      if (!r.Item) throw err;
      return decodeArticle(r.Item);
    }
  }

  async addToKeys(keys: readonly string[], articleId: string): Promise<KeyMembers[]> {
    const settled = new Map<string, KeyMembers>();
    const open: string[] = [];
    for (const key of keys) {
      const known = this.knownFull(key, articleId);
      if (known) settled.set(key, known);
      else open.push(key);
    }
    const rest = this.statements ? await this.addByStatements(open, articleId, settled) : open;
    await Promise.all(rest.map(async (key) => settled.set(key, await this.addToKey(key, articleId))));
    return keys.map((key) => settled.get(key)!);
  }

  /** False once the server answered that it does not implement PartiQL batches. */
  private statements = true;

  /**
   * Adds the article to the keys' member sets with PartiQL batches: an UPDATE per existing key
   * (set_add, RETURNING ALL OLD: atomic, so of two racing writers the later gets the earlier
   * back, as with UpdateItem), then an INSERT per key that did not exist (atomic too: it fails
   * if a racing writer created the item first). Returns the keys left open: those go through
   * addToKey, which settles every case (a racing INSERT, an item without a members attribute).
   */
  private async addByStatements(keys: string[], articleId: string, settled: Map<string, KeyMembers>): Promise<string[]> {
    const rest: string[] = [];
    const missing: string[] = [];
    const cap = { N: String(KEY_MEMBER_CAP) };
    const update = `UPDATE "${this.tableName}" SET members = set_add(members, ?) WHERE pk = ? AND sk = 'm' AND (size(members) < ? OR contains(members, ?)) RETURNING ALL OLD *`;
    const updated = await this.runStatements(
      keys.map((key) => ({
        Statement: update,
        Parameters: [{ SS: [articleId] }, { S: key }, cap, { S: articleId }],
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      })),
    );
    if (!updated) return keys;
    updated.forEach((r, i) => {
      const key = keys[i];
      const members = r.Item?.members?.SS;
      if (!r.Error) settled.set(key, { key, members: (members ?? []).filter((m) => m !== articleId), saturated: false });
      else if (r.Error.Code !== 'ConditionalCheckFailed') rest.push(key);
      else if (!r.Item) missing.push(key);
      else if (members && members.length >= KEY_MEMBER_CAP && !members.includes(articleId)) {
        // Full: left unchanged, its members still come back (boilerplate detection).
        this.rememberFull(key, members);
        settled.set(key, { key, members, saturated: true });
      } else rest.push(key);
    });
    if (missing.length === 0) return rest;
    const insert = `INSERT INTO "${this.tableName}" VALUE {'pk': ?, 'sk': 'm', 'members': ?}`;
    const inserted = await this.runStatements(missing.map((key) => ({ Statement: insert, Parameters: [{ S: key }, { SS: [articleId] }] })));
    if (!inserted) return [...rest, ...missing];
    inserted.forEach((r, i) => {
      if (r.Error) rest.push(missing[i]);
      else settled.set(missing[i], { key: missing[i], members: [], saturated: false });
    });
    return rest;
  }

  /** Runs statements in batches; null when the server does not implement PartiQL batches. */
  private async runStatements(
    statements: NonNullable<ConstructorParameters<typeof BatchExecuteStatementCommand>[0]['Statements']>,
  ): Promise<BatchStatementResponse[] | null> {
    const out: BatchStatementResponse[] = [];
    for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) {
      try {
        const r = await this.dynamo.send(new BatchExecuteStatementCommand({ Statements: statements.slice(i, i + STATEMENTS_PER_BATCH) }));
        out.push(...(r.Responses ?? []));
      } catch (err) {
        if ((err as { name?: string }).name !== 'UnknownOperationException') throw err;
        // Nothing of a batch the server does not know was applied: every key goes the per-key way, now and later.
        this.statements = false;
        return null;
      }
    }
    return out;
  }

  /** A key this container found full: answered from memory, no call. */
  private knownFull(key: string, articleId: string): KeyMembers | null {
    const full = this.fullKeys.get(key);
    if (!full) return null;
    this.fullKeys.delete(key);
    this.fullKeys.set(key, full);
    return { key, members: full.filter((m) => m !== articleId), saturated: !full.includes(articleId) };
  }

  /**
   * ADD with UPDATED_OLD: DynamoDB applies the updates of one item one after another, so of two
   * racing writers the later one gets the earlier one back. A full set is left unchanged (the
   * condition fails) but its members still come back, for boilerplate detection.
   */
  private async addToKey(key: string, articleId: string): Promise<KeyMembers> {
    try {
      const r = await this.dynamo.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: memberKey(key),
          UpdateExpression: 'ADD members :id',
          ConditionExpression: 'attribute_not_exists(members) OR size(members) < :cap OR contains(members, :one)',
          ExpressionAttributeValues: { ':id': { SS: [articleId] }, ':one': { S: articleId }, ':cap': { N: String(KEY_MEMBER_CAP) } },
          ReturnValues: 'UPDATED_OLD',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { key, members: (r.Attributes?.members?.SS ?? []).filter((m) => m !== articleId), saturated: false };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      // Servers without ReturnValuesOnConditionCheckFailure (dynalite) send no item: read it.
      const item = err.Item ?? (await this.dynamo.send(new GetItemCommand({ TableName: this.tableName, Key: memberKey(key), ConsistentRead: true }))).Item;
      const all = item?.members?.SS ?? [];
      this.rememberFull(key, all);
      return { key, members: all.filter((m) => m !== articleId), saturated: true };
    }
  }

  private rememberFull(key: string, members: readonly string[]): void {
    if (members.length < KEY_MEMBER_CAP || this.fullKeyCacheSize <= 0) return;
    this.fullKeys.set(key, members);
    if (this.fullKeys.size > this.fullKeyCacheSize) this.fullKeys.delete(this.fullKeys.keys().next().value as string);
  }

  async getArticles(ids: readonly string[]): Promise<StoredArticle[]> {
    return (await this.batchGet(ids.map(articleKey))).map(decodeArticle);
  }

  async claimStory(articleId: string, storyId: string): Promise<string> {
    const r = await this.dynamo.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: articleKey(articleId),
        UpdateExpression: 'SET storyId = if_not_exists(storyId, :s)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':s': { S: storyId } },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const s = r.Attributes?.storyId?.S;
    if (!s) throw new Error(`claimStory: no story returned for ${articleId}`);
    return s;
  }

  async joinStory(storyId: string, members: Record<string, string>): Promise<StoryState> {
    const entries = Object.entries(members);
    let last: Item | undefined;
    // Always at least one update, so the story item exists and comes back.
    for (let i = 0; i === 0 || i < entries.length; i += MEMBERS_PER_UPDATE) {
      const chunk = entries.slice(i, i + MEMBERS_PER_UPDATE);
      const names: Record<string, string> = {};
      const values: Item = { ':id': { S: storyId } };
      const sets = ['storyId = if_not_exists(storyId, :id)'];
      chunk.forEach(([id, rank], k) => {
        names[`#m${k}`] = `${MEMBER_PREFIX}${id}`;
        values[`:m${k}`] = { S: rank };
        sets.push(`#m${k} = :m${k}`);
      });
      const r = await this.dynamo.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: storyKey(storyId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ...(chunk.length ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      last = r.Attributes;
    }
    if (!last) throw new Error(`joinStory: story ${storyId} not returned`);
    return decodeStory(last);
  }

  async getStories(storyIds: readonly string[]): Promise<StoryState[]> {
    return (await this.batchGet(storyIds.map(storyKey))).map(decodeStory);
  }

  async mergeStory(from: string, into: string): Promise<string> {
    const r = await this.dynamo.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: storyKey(from),
        UpdateExpression: 'SET storyId = if_not_exists(storyId, :from), mergedInto = if_not_exists(mergedInto, :into)',
        ExpressionAttributeValues: { ':from': { S: from }, ':into': { S: into } },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const target = r.Attributes?.mergedInto?.S ?? into;
    await this.dynamo.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: storyKey(target),
        UpdateExpression: 'SET storyId = if_not_exists(storyId, :id) ADD mergedFrom :from',
        ExpressionAttributeValues: { ':id': { S: target }, ':from': { SS: [from] } },
      }),
    );
    return target;
  }

  async saveAssignment(articleId: string, assignment: Assignment): Promise<void> {
    await this.dynamo.send(
      new UpdateItemCommand({
        TableName: this.tableName,
        Key: articleKey(articleId),
        UpdateExpression: 'SET assignment = :a',
        ExpressionAttributeValues: { ':a': { S: JSON.stringify(assignment) } },
      }),
    );
  }

  async removeFromKeys(keys: readonly string[], articleId: string): Promise<void> {
    for (const key of keys) this.fullKeys.delete(key);
    await Promise.all(
      keys.map((key) =>
        this.dynamo
          .send(
            new UpdateItemCommand({
              TableName: this.tableName,
              Key: memberKey(key),
              UpdateExpression: 'DELETE members :id',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':id': { SS: [articleId] } },
            }),
          )
          .catch(ignoreConditionFailure),
      ),
    );
  }

  async removeMember(storyId: string, articleId: string): Promise<void> {
    await this.dynamo
      .send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: storyKey(storyId),
          UpdateExpression: 'REMOVE #m',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#m': `${MEMBER_PREFIX}${articleId}` },
        }),
      )
      .catch(ignoreConditionFailure);
  }

  async forgetArticle(articleId: string): Promise<void> {
    await this.dynamo.send(new DeleteItemCommand({ TableName: this.tableName, Key: articleKey(articleId) }));
  }

  /**
   * Writes a whole index content (an in-memory index's snapshot) with batch writes: for seeding
   * a table (the benchmark's pre-load), never while articles are being assigned, since batch
   * writes are neither conditional nor atomic. Articles are written whole. Key sets and stories
   * are merged with what the table holds (earlier key members first, up to KEY_MEMBER_CAP; story
   * members, merge pointers and merged-from lists united), so loading in steps keeps what was
   * assigned in between.
   */
  async bulkLoad(snapshot: IndexSnapshot): Promise<void> {
    const existing = new Map<string, Item>();
    const keys = [...snapshot.keys.map((k) => memberKey(k.key)), ...snapshot.stories.map((st) => storyKey(st.storyId))];
    for (const item of await this.batchGet(keys)) existing.set(item.pk.S!, item);
    const items: Item[] = [
      ...snapshot.articles.map(encodeArticle),
      ...snapshot.stories.map((st) => {
        const before = existing.get(storyKey(st.storyId).pk.S!);
        if (!before) return encodeStory(st);
        const old = decodeStory(before);
        return encodeStory({
          storyId: st.storyId,
          members: { ...old.members, ...st.members },
          mergedInto: old.mergedInto ?? st.mergedInto,
          mergedFrom: [...new Set([...old.mergedFrom, ...st.mergedFrom])],
        });
      }),
      ...snapshot.keys.map(({ key, members }) => {
        const before = existing.get(key)?.members?.SS ?? [];
        const merged = [...new Set([...before, ...members])].slice(0, Math.max(KEY_MEMBER_CAP, before.length));
        return { ...memberKey(key), members: { SS: merged } };
      }),
    ];
    for (const key of snapshot.keys) this.fullKeys.delete(key.key);
    await this.batchWrite(items);
  }

  /** BatchWriteItem puts in chunks of 25, retrying unprocessed items a bounded number of times. */
  private async batchWrite(items: Item[]): Promise<void> {
    for (let i = 0; i < items.length; i += BATCH_WRITE_LIMIT) {
      let request = items.slice(i, i + BATCH_WRITE_LIMIT).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; request.length > 0; attempt++) {
        if (attempt >= BATCH_GET_ATTEMPTS) throw new Error(`BatchWriteItem: ${request.length} items still unprocessed`);
        if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
        const r = await this.dynamo.send(new BatchWriteItemCommand({ RequestItems: { [this.tableName]: request } }));
        request = (r.UnprocessedItems?.[this.tableName] as typeof request | undefined) ?? [];
      }
    }
  }

  /** Consistent BatchGetItem in chunks of 100, retrying unprocessed keys a bounded number of times. */
  private async batchGet(keys: Item[]): Promise<Item[]> {
    const out: Item[] = [];
    const seen = new Set<string>();
    const unique = keys.filter((k) => !seen.has(k.pk.S!) && seen.add(k.pk.S!));
    for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
      let request = unique.slice(i, i + BATCH_GET_LIMIT);
      for (let attempt = 0; request.length > 0; attempt++) {
        if (attempt >= BATCH_GET_ATTEMPTS) throw new Error(`BatchGetItem: ${request.length} keys still unprocessed`);
        if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
        // Strongly consistent: a racing writer put its fingerprint (and claimed its story) just
        // before this article found it on a key; an eventually consistent read may not see it yet.
        const r = await this.dynamo.send(new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: request, ConsistentRead: true } } }));
        out.push(...(r.Responses?.[this.tableName] ?? []));
        request = (r.UnprocessedKeys?.[this.tableName]?.Keys as Item[] | undefined) ?? [];
      }
    }
    return out;
  }
}

/** Removing from an item that does not exist is done already (the condition keeps it from being created). */
function ignoreConditionFailure(err: unknown): void {
  if (!(err instanceof ConditionalCheckFailedException)) throw err;
}

function u32(values: readonly number[]): Uint8Array {
  return new Uint8Array(Uint32Array.from(values).buffer);
}

function fromU32(bytes: Uint8Array | undefined): number[] {
  if (!bytes || bytes.byteLength === 0) return [];
  // Copy: the SDK's buffer may not be 4-byte aligned.
  return Array.from(new Uint32Array(Uint8Array.from(bytes).buffer));
}

function encodeFingerprint(fp: Fingerprint): Item {
  return {
    articleId: { S: fp.articleId },
    outlet: { S: fp.outlet },
    published: fp.published ? { S: fp.published } : { NULL: true },
    wire: { BOOL: fp.wire },
    bodyHash: { S: fp.bodyHash },
    wordCount: { N: String(fp.wordCount) },
    title: { B: u32(fp.title) },
    tokens: { B: u32(fp.tokens) },
    sentenceEnds: { B: u32(fp.sentenceEnds) },
    ...(fp.lang ? { lang: { S: fp.lang } } : {}),
    ...(fp.founds ? { founds: { S: fp.founds } } : {}),
  };
}

function encodeArticle(a: StoredArticle): Item {
  return {
    ...articleKey(a.fingerprint.articleId),
    ...encodeFingerprint(a.fingerprint),
    ...(a.storyId ? { storyId: { S: a.storyId } } : {}),
    ...(a.assignment ? { assignment: { S: JSON.stringify(a.assignment) } } : {}),
  };
}

function decodeArticle(item: Item): StoredArticle {
  const fingerprint: Fingerprint = {
    articleId: item.articleId.S!,
    outlet: item.outlet.S!,
    published: item.published?.S ?? null,
    wire: item.wire?.BOOL ?? false,
    bodyHash: item.bodyHash.S!,
    wordCount: Number(item.wordCount.N),
    title: fromU32(item.title?.B),
    tokens: fromU32(item.tokens?.B),
    sentenceEnds: fromU32(item.sentenceEnds?.B),
    ...(item.lang?.S ? { lang: item.lang.S } : {}),
    ...(item.founds?.S ? { founds: item.founds.S } : {}),
  };
  return {
    fingerprint,
    storyId: item.storyId?.S ?? null,
    assignment: item.assignment?.S ? (JSON.parse(item.assignment.S) as Assignment) : null,
  };
}

function encodeStory(s: StoryState): Item {
  const item: Item = { ...storyKey(s.storyId), storyId: { S: s.storyId } };
  for (const [id, rank] of Object.entries(s.members)) item[`${MEMBER_PREFIX}${id}`] = { S: rank };
  if (s.mergedInto) item.mergedInto = { S: s.mergedInto };
  // A string set cannot be empty: no merges, no attribute (as the incremental writes leave it).
  if (s.mergedFrom.length) item.mergedFrom = { SS: s.mergedFrom };
  return item;
}

function decodeStory(item: Item): StoryState {
  const members: Record<string, string> = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(MEMBER_PREFIX) && value.S) members[name.slice(MEMBER_PREFIX.length)] = value.S;
  }
  return {
    storyId: item.storyId?.S ?? item.pk.S!.slice('story#'.length),
    members,
    mergedInto: item.mergedInto?.S ?? null,
    mergedFrom: item.mergedFrom?.SS ?? [],
  };
}
