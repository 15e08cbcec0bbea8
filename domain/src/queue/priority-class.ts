import { Type, type Static } from 'typebox';

/**
 * Who is entitled to the priority green channel (优先办): people aged 80 or over, 优抚对象,
 * people with disabilities, and appointment holders who check in within their slot.
 */
export const PriorityClassSchema = Type.Union([
  Type.Literal('age80'),
  Type.Literal('veteran'),
  Type.Literal('disability'),
  Type.Literal('appointment'),
]);
export type PriorityClass = Static<typeof PriorityClassSchema>;

/** The order in which a ticket's classes are named when it has several. */
export const PRIORITY_CLASSES: readonly PriorityClass[] = ['age80', 'veteran', 'disability', 'appointment'];

/** The class a ticket is named by (the first in PRIORITY_CLASSES order), or null for a normal ticket. */
export function mainPriorityClass(classes: readonly PriorityClass[]): PriorityClass | null {
  return PRIORITY_CLASSES.find((c) => classes.includes(c)) ?? null;
}
