import { Type, type Static } from 'typebox';
import { IdCardDataSchema } from '../id-card/id-card-data';
import { ReceiptDocumentSchema } from '../receipt/receipt-document';

/**
 * The device agent's loopback API (http://127.0.0.1:<port>), used by the kiosk UI.
 * Every request carries `Authorization: Bearer <pairing token>` (the WebSocket carries
 * `?token=`); requests from an Origin other than the configured UI origins are refused.
 *
 *   GET    /v1/status            → AgentStatus
 *   POST   /v1/print             PrintRequest → PrintResult (idempotent by document.id)
 *   POST   /v1/session/release   → 204; the agent forgets the card it last read
 *   GET    /v1/events            WebSocket of AgentEvent (JSON text frames)
 * Only while devices are simulated:
 *   GET    /v1/sim/cards         → SimCard[]
 *   PUT    /v1/sim/card          { key } places that demo card on the simulated reader
 *   DELETE /v1/sim/card          takes the card off
 *   GET    /v1/sim/prints        → SimPrint[] (newest first), each with a rendered preview
 */

export const ReaderStateSchema = Type.Union([
  Type.Literal('ready'), // polling, no card
  Type.Literal('reading'),
  Type.Literal('card-present'), // read done; waiting for the card to be taken off
  Type.Literal('offline'),
  Type.Literal('fault'),
]);
export type ReaderState = Static<typeof ReaderStateSchema>;

export const PrinterStateSchema = Type.Union([
  Type.Literal('ready'),
  Type.Literal('paper-near-end'),
  Type.Literal('paper-out'),
  Type.Literal('cover-open'),
  Type.Literal('offline'),
]);
export type PrinterState = Static<typeof PrinterStateSchema>;

export const AgentStatusSchema = Type.Object({
  simulated: Type.Boolean(),
  reader: Type.Object({
    address: Type.String(),
    state: ReaderStateSchema,
    samId: Type.Optional(Type.String()),
    lastError: Type.Optional(Type.String()),
  }),
  printers: Type.Object({
    receipt: Type.Object({
      address: Type.String(),
      state: PrinterStateSchema,
      lastError: Type.Optional(Type.String()),
    }),
  }),
});
export type AgentStatus = Static<typeof AgentStatusSchema>;

export const AgentEventSchema = Type.Union([
  /** A card was found on the reader; reading has started. */
  Type.Object({ type: Type.Literal('card.placed') }),
  Type.Object({ type: Type.Literal('card.read'), card: IdCardDataSchema }),
  /** The card could not be read (moved too early, damaged): ask the person to place it again. */
  Type.Object({ type: Type.Literal('card.failed'), code: Type.String() }),
  Type.Object({ type: Type.Literal('card.removed') }),
  Type.Object({ type: Type.Literal('device.status'), status: AgentStatusSchema }),
]);
export type AgentEvent = Static<typeof AgentEventSchema>;

export const PrintRequestSchema = Type.Object(
  {
    role: Type.Literal('receipt'),
    document: ReceiptDocumentSchema,
  },
  { additionalProperties: false },
);
export type PrintRequest = Static<typeof PrintRequestSchema>;

export const PrintResultSchema = Type.Object({
  jobId: Type.String(),
  state: Type.Union([Type.Literal('printed'), Type.Literal('failed')]),
  /** Set when failed: e.g. PRINTER_PAPER_OUT, PRINTER_OFFLINE. */
  code: Type.Optional(Type.String()),
});
export type PrintResult = Static<typeof PrintResultSchema>;

export const AgentErrorSchema = Type.Object({ code: Type.String(), message: Type.String() });
export type AgentError = Static<typeof AgentErrorSchema>;

export const SimCardSchema = Type.Object({
  key: Type.String(),
  nameMasked: Type.String(),
  idNumberMasked: Type.String(),
  age: Type.Integer(),
  note: Type.Object({ zh: Type.String(), en: Type.String() }),
});
export type SimCard = Static<typeof SimCardSchema>;

export const SimPrintSchema = Type.Object({
  jobId: Type.String(),
  receivedAt: Type.String(),
  byteLength: Type.Integer(),
  /** The printed bytes as a self-contained HTML fragment (text lines, QR as SVG, cut marks). */
  previewHtml: Type.String(),
});
export type SimPrint = Static<typeof SimPrintSchema>;
