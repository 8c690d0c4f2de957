import { OutboxMessage } from './lib/outbox-message.entity';

export { OutboxMessage };
export { addToOutbox, OUTBOX_TOPICS } from './lib/outbox';
export type { OutboxEntry } from './lib/outbox';
export { OutboxRelay } from './lib/relay';
export type { OutboxRelayOptions, OutboxRoute } from './lib/relay';
export const OUTBOX_ENTITIES = [OutboxMessage];
