import { Type, type Static } from 'typebox';

/**
 * The fair-interleave rule of the priority green channel (优先办), as configuration. The
 * defaults are what a centre gets until a supervisor changes them.
 */
export const QueueRulesSchema = Type.Object(
  {
    /** N: at most N priority calls in a row before a waiting normal ticket is called. */
    maxPriorityPerNormal: Type.Integer({ minimum: 1, maximum: 20 }),
    /** A normal ticket that has waited this long goes before any priority ticket. */
    maxNormalWaitMinutes: Type.Integer({ minimum: 1, maximum: 480 }),
    /** An appointment holder counts as priority from slot start − grace until slot end. */
    appointmentGraceMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
    /** For wait estimates, when a category sets no average of its own. */
    averageServiceMinutes: Type.Number({ exclusiveMinimum: 0, maximum: 240 }),
  },
  { additionalProperties: false },
);
export type QueueRules = Static<typeof QueueRulesSchema>;

export const DEFAULT_QUEUE_RULES: QueueRules = {
  maxPriorityPerNormal: 2,
  maxNormalWaitMinutes: 30,
  appointmentGraceMinutes: 10,
  averageServiceMinutes: 8,
};
