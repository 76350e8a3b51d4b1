import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { DeadLetterStore, QueueMessage } from './local-queue';

/** The local DLQ, kept in the data directory so `redrive` in a later invocation sees it. */
export class FileDeadLetters implements DeadLetterStore {
  constructor(private readonly path: string) {}

  add(msg: QueueMessage): void {
    const all = this.list();
    all.push(msg);
    writeFileSync(this.path, JSON.stringify(all, null, 1));
  }

  list(): QueueMessage[] {
    if (!existsSync(this.path)) return [];
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as QueueMessage[];
    } catch {
      return [];
    }
  }

  clear(): void {
    writeFileSync(this.path, '[]');
  }
}
