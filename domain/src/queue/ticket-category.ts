import { Type, type Static } from 'typebox';

/** One capital letter: the prefix of the category's ticket numbers (A012). */
export const TicketCategoryCodeSchema = Type.String({ pattern: '^[A-Z]$' });

/** A kind of business a centre's windows serve; its code prefixes its ticket numbers. */
export const TicketCategorySchema = Type.Object(
  {
    code: TicketCategoryCodeSchema,
    name: Type.Object({ zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }),
    /** Overrides the rules' default for wait estimates. */
    averageServiceMinutes: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 240 })),
  },
  { additionalProperties: false },
);
export type TicketCategory = Static<typeof TicketCategorySchema>;

/** What a new centre starts with; centres configure their own. */
export const DEFAULT_TICKET_CATEGORIES: readonly TicketCategory[] = [
  { code: 'A', name: { zh: '养老服务', en: 'Elderly-care services' } },
  { code: 'B', name: { zh: '医保', en: 'Medical insurance' } },
  { code: 'C', name: { zh: '综合', en: 'General' } },
];
