/**
 * Fills the store for the dedupe scale windows without the pipeline: generated articles are
 * assigned by the dedupe core on an in-memory index (the same assignStory the handler runs),
 * and the index content is then written to the fingerprint table with batch writes. The
 * windows measured after it still go through the real upload → queue → handler path.
 *
 * Article records are written only for the articles a window copies (the only ones the real
 * path touches again, when a copy changes their story's canonical copy); they are built by the
 * real cleaner, which also checks that the pre-computed fingerprint reads the text as it does.
 */
import { createHash } from 'node:crypto';
import { DynamoFingerprintIndex } from '../../lambdas/adapters/fingerprint-index';
import { assignStory, InMemoryFingerprintIndex, type Assignment, type DedupeDoc, type IndexSnapshot } from '../../lambdas/core/dedupe';
import { buildRecord, cleanObject, idForSource, type SourceMeta } from '../../lambdas/core/ingest/build-record';
import type { LocalRuntime } from '../../lambdas/local/runtime';
import { generateArticle } from '../support/generate';

export const OUTLETS = ['bench-herald', 'bench-courier', 'bench-gazette', 'bench-times', 'bench-post'];

/** Where generated article n is uploaded: one directory (outlet) per article number modulo 5. */
export function articleKey(n: number): { outlet: string; key: string } {
  const outlet = OUTLETS[n % OUTLETS.length];
  return { outlet, key: `raw/${outlet}/article-${n}.txt` };
}

function sourceMeta(rt: LocalRuntime, n: number): { meta: SourceMeta; bytes: Buffer } {
  const { outlet, key } = articleKey(n);
  const bytes = Buffer.from(generateArticle(n).text);
  const eTag = createHash('md5').update(bytes).digest('hex');
  return { bytes, meta: { bucket: rt.names.bucket, key, versionId: null, eTag, size: bytes.length, contentType: 'text/plain', metadataOutlet: outlet } };
}

/** What the handler hands the dedupe core for a generated text dump (title line, then paragraphs). */
function dedupeDoc(rt: LocalRuntime, n: number): DedupeDoc {
  const a = generateArticle(n);
  const { meta } = sourceMeta(rt, n);
  return { id: idForSource(meta), outlet: articleKey(n).outlet, title: a.title, body: a.paragraphs.join('\n\n'), published: null, syndication: [] };
}

export class IndexPreloader {
  private readonly memory = new InMemoryFingerprintIndex();
  private readonly assigned = new Map<number, Assignment>();
  private readonly records = new Set<number>();

  constructor(private readonly rt: LocalRuntime) {}

  /** Assigns articles n in [from, to) in memory and writes what they added to the fingerprint table. */
  async load(from: number, to: number): Promise<void> {
    const ids = new Set<string>();
    for (let n = from; n < to; n++) {
      const doc = dedupeDoc(this.rt, n);
      ids.add(doc.id);
      this.assigned.set(n, await assignStory(doc, this.memory));
    }
    const all = this.memory.snapshot();
    // Stories this step touched (the adapter merges them with what the table holds).
    const stories = all.stories.filter((st) => Object.keys(st.members).some((id) => ids.has(id)) || st.mergedFrom.length > 0 || st.mergedInto);
    const delta: IndexSnapshot = {
      articles: all.articles.filter((a) => ids.has(a.fingerprint.articleId)),
      keys: all.keys.filter((k) => k.members.some((m) => ids.has(m))),
      stories,
    };
    await new DynamoFingerprintIndex(this.rt.clients.dynamo, this.rt.names.fingerprintTable).bulkLoad(delta);
  }

  /** Writes the article record of pre-loaded article n (once), as the handler would have stored it. */
  async ensureRecord(n: number): Promise<void> {
    const a = this.assigned.get(n);
    if (!a || this.records.has(n)) return;
    const { meta, bytes } = sourceMeta(this.rt, n);
    const record = buildRecord(meta, cleanObject(bytes, meta), '2026-01-01T00:00:00.000Z', this.rt.deps.rules.version);
    const doc = dedupeDoc(this.rt, n);
    if (record.status !== 'clean' || record.body !== doc.body || record.title !== doc.title) {
      throw new Error(`pre-load: the cleaner reads generated article ${n} differently from the pre-computed fingerprint`);
    }
    Object.assign(record, { storyId: a.storyId, role: a.role, canonicalId: a.canonicalId, match: a.match });
    await this.rt.deps.articles.put(record, 'create');
    this.records.add(n);
  }
}
