import { QueueEventSchema, type QueueEvent } from '@eldercare/domain';
import { Value } from 'typebox/value';

/** Whether a parsed SSE data field is a QueueEvent of the contract (the same schema the server uses). */
export function isQueueEvent(value: unknown): value is QueueEvent {
  return Value.Check(QueueEventSchema, value);
}
