import { Type, type Static } from 'typebox';

/**
 * A printable document described as blocks, independent of the printer language.
 * The kiosk composes it (already masked and translated); the device agent turns it into
 * ESC/POS bytes. Keeping it structured lets previews, golden tests and ticket printers share it.
 */
const Text = Type.String({ maxLength: 400 });

export const ReceiptBlockSchema = Type.Union([
  /** Large, centred, bold: the document title. */
  Type.Object({ kind: Type.Literal('heading'), text: Text }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('text'),
      text: Text,
      align: Type.Optional(Type.Union([Type.Literal('left'), Type.Literal('center'), Type.Literal('right')])),
      bold: Type.Optional(Type.Boolean()),
      size: Type.Optional(Type.Union([Type.Literal('normal'), Type.Literal('large')])),
    },
    { additionalProperties: false },
  ),
  /** A "label：value" line. */
  Type.Object({ kind: Type.Literal('field'), label: Text, value: Text }, { additionalProperties: false }),
  /** A dashed rule across the paper width. */
  Type.Object({ kind: Type.Literal('rule') }, { additionalProperties: false }),
  /** A QR code (printed with GS ( k), optionally captioned below it. */
  Type.Object(
    { kind: Type.Literal('qr'), data: Type.String({ minLength: 1, maxLength: 700 }), caption: Type.Optional(Text) },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('feed'), lines: Type.Integer({ minimum: 1, maximum: 10 }) }, { additionalProperties: false }),
]);
export type ReceiptBlock = Static<typeof ReceiptBlockSchema>;

export const ReceiptDocumentSchema = Type.Object(
  {
    /** Stable id of the print job: printing the same id twice prints once. */
    id: Type.String({ minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9._:-]+$' }),
    blocks: Type.Array(ReceiptBlockSchema, { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type ReceiptDocument = Static<typeof ReceiptDocumentSchema>;
