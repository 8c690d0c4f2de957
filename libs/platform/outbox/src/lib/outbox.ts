import type { EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

export interface OutboxEntry {
  topic: string;
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, any>;
}

/**
 * Adds messages to the outbox inside the caller's transaction — pass the transaction's manager,
 * never the outer one, so the message exists if and only if the state change committed.
 */
export async function addToOutbox(tx: EntityManager, ...entries: OutboxEntry[]): Promise<void> {
  if (!tx.queryRunner?.isTransactionActive) {
    throw new Error('addToOutbox must run inside a transaction (use the EntityManager given by dataSource.transaction)');
  }
  await tx.insert(
    OutboxMessage,
    entries.map((e) => ({ topic: e.topic, aggregateType: e.aggregateType, aggregateId: e.aggregateId, payload: e.payload ?? {} })),
  );
}

/** Topics written by the domains. */
export const OUTBOX_TOPICS = {
  dossierStatusChanged: 'dossier.status.changed',
} as const;
