import type { LocalRuntime } from './runtime';

/**
 * Replays the local dead-letter queue: every dead-lettered message body goes back into the
 * queue as a new message (as SQS's message-move task does), the DLQ is cleared, and the queue
 * is drained. A message that fails again dead-letters again, so nothing is lost either way;
 * handling is idempotent, so replaying a message whose article was stored changes nothing.
 */
export async function redrive(rt: Pick<LocalRuntime, 'queue'>, opts: { drainTimeoutMs?: number } = {}): Promise<{ redriven: number }> {
  const dead = rt.queue.deadLetters.list();
  for (const m of dead) rt.queue.send(m.body);
  rt.queue.deadLetters.clear();
  await rt.queue.drain(opts.drainTimeoutMs);
  return { redriven: dead.length };
}
