import { Type, type Static } from 'typebox';

/**
 * What an ID card reader hands over after a successful read. Produced by the device agent's
 * GA 467 decoder, carried over loopback to the kiosk and once to the server's identify route.
 * It is sensitive personal data: never log it, never persist it on the kiosk.
 *
 * cardType tells the three GA 467 layouts apart: 'resident' (居民身份证), 'foreign-permanent'
 * (外国人永久居留身份证, 2017 with a 15-character number or 2023 with an 18-digit number starting
 * with 9) and 'hkmo-tw-permit' (港澳台居民居住证, 18 digits starting with 81, 82 or 83).
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
    /** Name as printed: Chinese; on a foreign card without a Chinese name, the English name. */
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
    // Optional: only some card types carry these; consumers of resident cards can ignore them.
    /** Foreign permanent resident cards: the name in Latin letters, e.g. "MILLER, ANNA". */
    englishName: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    /** Foreign permanent resident cards: ISO 3166 alpha-3 code of the nationality, e.g. "CAN". */
    nationality: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    /** HK/Macau/Taiwan residence permits: the number of the travel permit (通行证号码). */
    passNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 9 })),
    /** Times the card was issued (签发次数) or renewed (换证次数), as read. */
    issueCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 99 })),
    /** Extra address (追加住址) written on the card after issue, read with a separate command. */
    extraAddress: Type.Optional(Type.String({ minLength: 1, maxLength: 140 })),
  },
  { additionalProperties: false },
);
export type IdCardData = Static<typeof IdCardDataSchema>;
