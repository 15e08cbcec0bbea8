import { Type, type Static } from 'typebox';

/**
 * What an ID card reader hands over after a successful read. Produced by the device agent's
 * GA 467 decoder, carried over loopback to the kiosk and once to the server's identify route.
 * It is sensitive personal data: never log it, never persist it on the kiosk.
 */
export const CardTypeSchema = Type.Union([
  Type.Literal('resident'),
  Type.Literal('foreign-permanent'),
  Type.Literal('hkmo-tw-permit'),
]);
export type CardType = Static<typeof CardTypeSchema>;

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const IdCardDataSchema = Type.Object(
  {
    cardType: CardTypeSchema,
    /** Name as printed (Chinese for resident cards). */
    name: Type.String({ minLength: 1, maxLength: 60 }),
    sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
    /** GB 3304 nationality code as read, e.g. "01" (汉); empty for non-resident cards. */
    nationCode: Type.String({ maxLength: 3 }),
    birthDate: IsoDate,
    address: Type.String({ maxLength: 120 }),
    idNumber: Type.String({ minLength: 15, maxLength: 18 }),
    issuingAuthority: Type.String({ maxLength: 60 }),
    validFrom: IsoDate,
    /** ISO date, or "long-term" for 长期. */
    validTo: Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2}|long-term)$' }),
  },
  { additionalProperties: false },
);
export type IdCardData = Static<typeof IdCardDataSchema>;
