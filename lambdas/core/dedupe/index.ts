/** Syndication dedupe: public surface of the pure core. */
export { assignStory, resolveStory, roleOf } from './assign-story';
export { liveStoryView, storyTree, storyView, type StoryTree, type StoryView } from './story-view';
export { leaveStory, type LeftStory } from './leave-story';
export { buildFingerprint, indexKeys } from './fingerprint';
export { verifyPair, type VerifyOptions } from './verify';
export { InMemoryFingerprintIndex, type IndexSnapshot, type MemoryIndexOptions } from './memory-index';
export { KEY_MEMBER_CAP, type FingerprintIndexPort, type KeyMembers, type StoredArticle, type StoryState } from './port';
export { canonicalRank } from './canonical';
export type { Assignment, DedupeDoc, Fingerprint, Verdict, Verification } from './types';
