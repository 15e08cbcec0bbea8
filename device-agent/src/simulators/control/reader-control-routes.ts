import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SimCardSchema, maskIdNumber, maskName, type SimCard } from '@eldercare/domain';
import { Type } from 'typebox';
import { ReaderFaultSchema } from '../reader-fault';
import type { ReaderSimulator } from '../reader-simulator';
import { Ga467Command } from '../../ga467/ga467-commands';
import { Sw3 } from '../../ga467/ga467-status';
import { ControlErrorSchema, PlaceCardBodySchema } from './control-schemas';

const COMMANDS = [...(Object.keys(Ga467Command) as (keyof typeof Ga467Command)[]), 'unknown', 'corrupt'] as const;

/**
 *   GET    /cards    → SimCard[] (the demo residents, masked)
 *   PUT    /card     { key } | { card } places a card on the reader
 *   DELETE /card     takes it off
 *   PUT    /faults   ReaderFault[] replaces the misbehaviours; DELETE /faults clears them
 *   GET    /stats    → { commands: { findCard: n, … }, cardFoundAt? } how often each command was
 *                    answered (a test waits for the agent to have polled, not for a time), and
 *                    when (epoch ms, fractional) find-card first answered "found" since the card
 *                    was placed: where a benchmark starts the clock on a read
 */
export const readerControlRoutes: FastifyPluginAsyncTypebox<{ reader: ReaderSimulator }> = async (app, { reader }) => {
  let cardFoundAt: number | undefined;
  const stopWatching = reader.onExchange(({ command, sw3 }) => {
    if (command === 'findCard' && sw3 === Sw3.CARD_FOUND) cardFoundAt ??= performance.timeOrigin + performance.now();
  });
  app.addHook('onClose', async () => void stopWatching());
  app.get('/cards', { schema: { response: { 200: Type.Array(SimCardSchema) } } }, async (): Promise<SimCard[]> =>
    reader.demoResidents().map((r) => ({
      key: r.key,
      nameMasked: maskName(r.name),
      idNumberMasked: maskIdNumber(r.idNumber),
      age: r.age,
      note: r.note,
    })),
  );

  app.put('/card', { schema: { body: PlaceCardBodySchema, response: { 204: Type.Null(), 404: ControlErrorSchema } } }, async (request, reply) => {
    const body = request.body;
    cardFoundAt = undefined;
    if ('card' in body) reader.placeCard(body.card);
    else if (!reader.demoResidents().some((r) => r.key === body.key)) {
      return reply.code(404).send({ code: 'UNKNOWN_DEMO_CARD', message: 'No demo resident with this key' });
    } else reader.placeDemoCard(body.key);
    return reply.code(204).send(null);
  });

  app.delete('/card', { schema: { response: { 204: Type.Null() } } }, async (_request, reply) => {
    reader.removeCard();
    return reply.code(204).send(null);
  });

  const StatsSchema = Type.Object({ commands: Type.Record(Type.String(), Type.Integer()), cardFoundAt: Type.Optional(Type.Number()) });
  app.get('/stats', { schema: { response: { 200: StatsSchema } } }, async () => ({
    commands: Object.fromEntries(COMMANDS.map((command) => [command, reader.commandCount(command)])),
    ...(cardFoundAt !== undefined && { cardFoundAt }),
  }));

  app.put('/faults', { schema: { body: Type.Array(ReaderFaultSchema, { maxItems: 16 }), response: { 204: Type.Null() } } }, async (request, reply) => {
    reader.setFaults(request.body);
    return reply.code(204).send(null);
  });

  app.delete('/faults', { schema: { response: { 204: Type.Null() } } }, async (_request, reply) => {
    reader.clearFaults();
    return reply.code(204).send(null);
  });
};
