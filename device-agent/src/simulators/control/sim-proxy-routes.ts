import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgentErrorSchema, SimCardSchema, SimPrintSchema, type SimCard, type SimPrint } from '@eldercare/domain';
import { Type } from 'typebox';
import { SimulatorControlClient, SimulatorControlError } from './simulator-control-client';

/** Control URLs of simulator processes, from the agent config's `simulatorControl`. */
export interface SimulatorControlUrls {
  reader?: string | undefined;
  receiptPrinter?: string | undefined;
  ticketPrinter?: string | undefined;
}

const PlaceCardSchema = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

/**
 * The agent's /v1/sim routes for devices that are simulator processes (npm start) rather than
 * in-process simulators: the same routes and answers, forwarded to each simulator's control API.
 * A simulator that does not answer is a 503 SIM_CONTROL_UNREACHABLE, not a crash.
 */
export const simProxyRoutes: FastifyPluginAsyncTypebox<{ urls: SimulatorControlUrls }> = async (app, { urls }) => {
  const forward = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      if (err instanceof SimulatorControlError) throw err;
      throw new SimulatorControlError('SIM_CONTROL_UNREACHABLE', 'The simulator process does not answer', 503);
    }
  };
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof SimulatorControlError) return reply.code(error.status).send({ code: error.code, message: error.message });
    throw error;
  });

  if (urls.reader) {
    const reader = new SimulatorControlClient(urls.reader);
    app.get('/v1/sim/cards', { schema: { response: { 200: Type.Array(SimCardSchema) } } }, async (): Promise<SimCard[]> => forward(() => reader.cards()));
    app.put('/v1/sim/card', { schema: { body: PlaceCardSchema, response: { 204: Type.Null(), 404: AgentErrorSchema, 503: AgentErrorSchema } } }, async (request, reply) => {
      await forward(() => reader.placeCard(request.body.key));
      return reply.code(204).send(null);
    });
    app.delete('/v1/sim/card', { schema: { response: { 204: Type.Null(), 503: AgentErrorSchema } } }, async (_request, reply) => {
      await forward(() => reader.removeCard());
      return reply.code(204).send(null);
    });
  }

  if (urls.receiptPrinter) {
    const printer = new SimulatorControlClient(urls.receiptPrinter);
    app.get('/v1/sim/prints', { schema: { response: { 200: Type.Array(SimPrintSchema), 503: AgentErrorSchema } } }, async (): Promise<SimPrint[]> => {
      const prints = await forward(() => printer.prints());
      // Newest first, and only what the page shows.
      return prints.reverse().map(({ jobId, receivedAt, byteLength, previewHtml }) => ({ jobId, receivedAt, byteLength, previewHtml }));
    });
  }
};
