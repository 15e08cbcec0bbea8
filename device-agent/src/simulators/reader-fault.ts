import { Type, type Static } from 'typebox';

/**
 * Ways a simulated GA 467 reader misbehaves, as real ones do:
 *   no-card       find card answers 80 although a card lies on the reader
 *   read-failure  the next `times` card reads answer SW3 41 (or `sw3`)
 *   bad-checksum  the next `times` replies carry a wrong XOR byte
 *   garbage       `bytes` random bytes go out before every reply (line noise)
 *   split         every reply is written one byte at a time
 *   slow          every reply goes out `delayMs` late
 *   silent        no reply at all (a reader without power behind a live adapter)
 */
export const ReaderFaultSchema = Type.Union([
  Type.Object({ kind: Type.Literal('no-card') }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('read-failure'),
      times: Type.Integer({ minimum: 1, maximum: 1000 }),
      sw3: Type.Optional(Type.Integer({ minimum: 0, maximum: 255 })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('bad-checksum'), times: Type.Integer({ minimum: 1, maximum: 1000 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('garbage'), bytes: Type.Integer({ minimum: 1, maximum: 4096 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('split') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('slow'), delayMs: Type.Integer({ minimum: 0, maximum: 60_000 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('silent') }, { additionalProperties: false }),
]);
export type ReaderFault = Static<typeof ReaderFaultSchema>;
