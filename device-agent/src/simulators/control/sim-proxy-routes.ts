import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgentErrorSchema, SimCardSchema, type PrinterRole, type SimCard } from '@eldercare/domain';
import { Type } from 'typebox';
import { simPrinterRoutes, type SimPrinterControl } from '../../api/sim-printer-routes';
import { ReaderFaultSchema } from '../reader-fault';
import { SimulatorControlClient, SimulatorControlError } from './simulator-control-client';

/** Control URLs of simulator processes, from the agent config's `simulatorControl`. */
export interface SimulatorControlUrls {
  reader?: string | undefined;
  receiptPrinter?: string | undefined;
  ticketPrinter?: string | undefined;
}

const PlaceCardSchema = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

/** A simulator that does not answer is a 503 SIM_CONTROL_UNREACHABLE, not a crash. */
async function forward<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof SimulatorControlError) throw err;
    throw new SimulatorControlError('SIM_CONTROL_UNREACHABLE', 'The simulator process does not answer', 503);
  }
}

/** A printer simulator process, driven through its control API (printer-control-routes.ts). */
export function forwardedPrinterControl(controlUrl: string): SimPrinterControl {
  const printer = new SimulatorControlClient(controlUrl);
  return {
    async prints() {
      const prints = await forward(() => printer.prints());
      // Newest first, and only what the page shows.
      return prints.reverse().map(({ jobId, receivedAt, byteLength, previewHtml }) => ({ jobId, receivedAt, byteLength, previewHtml }));
    },
    setPaper: (state) => forward(() => printer.setPaper(state)),
    setCoverOpen: (open) => forward(() => printer.setCoverOpen(open)),
  };
}

/**
 * The agent's /v1/sim routes for devices that are simulator processes (npm start) rather than
 * in-process simulators: the same routes and answers, forwarded to each simulator's control API.
 */
export const simProxyRoutes: FastifyPluginAsyncTypebox<{ urls: SimulatorControlUrls }> = async (app, { urls }) => {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof SimulatorControlError) return reply.code(error.status).send({ code: error.code, message: error.message });
    throw error;
  });

  if (urls.reader) {
    const reader = new SimulatorControlClient(urls.reader);
    const done = { 204: Type.Null(), 503: AgentErrorSchema } as const;
    app.get('/v1/sim/cards', { schema: { response: { 200: Type.Array(SimCardSchema), 503: AgentErrorSchema } } }, async (): Promise<SimCard[]> => forward(() => reader.cards()));
    app.put('/v1/sim/card', { schema: { body: PlaceCardSchema, response: { ...done, 404: AgentErrorSchema } } }, async (request, reply) => {
      await forward(() => reader.placeCard(request.body.key));
      return reply.code(204).send(null);
    });
    app.delete('/v1/sim/card', { schema: { response: done } }, async (_request, reply) => {
      await forward(() => reader.removeCard());
      return reply.code(204).send(null);
    });
    app.put('/v1/sim/reader/faults', { schema: { body: Type.Array(ReaderFaultSchema, { maxItems: 16 }), response: done } }, async (request, reply) => {
      await forward(() => reader.setReaderFaults(request.body));
      return reply.code(204).send(null);
    });
    app.delete('/v1/sim/reader/faults', { schema: { response: done } }, async (_request, reply) => {
      await forward(() => reader.clearFaults());
      return reply.code(204).send(null);
    });
  }

  const printers: Partial<Record<PrinterRole, SimPrinterControl>> = {
    ...(urls.receiptPrinter && { receipt: forwardedPrinterControl(urls.receiptPrinter) }),
    ...(urls.ticketPrinter && { ticket: forwardedPrinterControl(urls.ticketPrinter) }),
  };
  if (printers.receipt || printers.ticket) await app.register(simPrinterRoutes, { printer: (role) => printers[role] });
};
