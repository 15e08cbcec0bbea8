import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgentErrorSchema, SimCardSchema, maskIdNumber, maskName, type PrinterRole, type SimCard } from '@eldercare/domain';
import { Type } from 'typebox';
import { forwardedPrinterControl, simProxyRoutes } from '../simulators/control/sim-proxy-routes';
import { ReaderFaultSchema } from '../simulators/reader-fault';
import type { AgentApiDeps } from './agent-api-deps';
import { inProcessPrinterControl, simPrinterRoutes, type SimPrinterControl } from './sim-printer-routes';

/** Text a simulated scanner scans (bytes in serial mode, key strokes in keyboard mode). */
const ScanSchema = Type.Object({ text: Type.String({ maxLength: 4096 }) }, { additionalProperties: false });
const PlaceCardSchema = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

/**
 * Control of simulated devices; registered only for the devices that are simulated, in this
 * process (sim: addresses) or as simulator processes (forwarded, sim-proxy-routes.ts).
 * The simulators are looked up on every request: a config reload may replace them.
 */
export const simRoutes: FastifyPluginAsyncTypebox<{ deps: Pick<AgentApiDeps, 'simulators' | 'simulatorControl'> }> = async (app, { deps }) => {
  const simulators = deps.simulators;
  const urls = deps.simulatorControl ?? {};

  if (simulators.reader) {
    const reader = () => simulators.reader!;
    // Masked as on any screen: the simulator page is a screen too.
    app.get('/v1/sim/cards', { schema: { response: { 200: Type.Array(SimCardSchema) } } }, async (): Promise<SimCard[]> =>
      reader()
        .demoResidents()
        .map((r) => ({
          key: r.key,
          nameMasked: maskName(r.name),
          idNumberMasked: maskIdNumber(r.idNumber),
          age: r.age,
          note: r.note,
        })),
    );

    app.put(
      '/v1/sim/card',
      { schema: { body: PlaceCardSchema, response: { 204: Type.Null(), 404: AgentErrorSchema } } },
      async (request, reply) => {
        if (!reader().demoResidents().some((r) => r.key === request.body.key)) {
          return reply.code(404).send({ code: 'UNKNOWN_DEMO_CARD', message: 'No demo resident with this key' });
        }
        reader().placeDemoCard(request.body.key);
        return reply.code(204).send(null);
      },
    );

    app.delete('/v1/sim/card', { schema: { response: { 204: Type.Null() } } }, async (_request, reply) => {
      reader().removeCard();
      return reply.code(204).send(null);
    });

    app.put('/v1/sim/reader/faults', { schema: { body: Type.Array(ReaderFaultSchema, { maxItems: 16 }), response: { 204: Type.Null() } } }, async (request, reply) => {
      reader().setFaults(request.body);
      return reply.code(204).send(null);
    });

    app.delete('/v1/sim/reader/faults', { schema: { response: { 204: Type.Null() } } }, async (_request, reply) => {
      reader().clearFaults();
      return reply.code(204).send(null);
    });
  }

  // Printers: each role in this process, or else a simulator process; one set of routes for both.
  const forwarded: Partial<Record<PrinterRole, SimPrinterControl>> = {
    ...(urls.receiptPrinter && { receipt: forwardedPrinterControl(urls.receiptPrinter) }),
    ...(urls.ticketPrinter && { ticket: forwardedPrinterControl(urls.ticketPrinter) }),
  };
  const inProcess = (role: PrinterRole) => (role === 'receipt' ? simulators.receiptPrinter : simulators.ticketPrinter);
  const printersInProcess = simulators.receiptPrinter !== undefined || simulators.ticketPrinter !== undefined;
  if (printersInProcess) {
    await app.register(simPrinterRoutes, {
      printer: (role) => {
        const simulator = inProcess(role);
        return simulator ? inProcessPrinterControl(simulator) : forwarded[role];
      },
    });
  }

  if (simulators.scanner) {
    // The scan goes through the real decoding; its result arrives as scan.read / scan.rejected.
    app.post('/v1/sim/scan', { schema: { body: ScanSchema, response: { 204: Type.Null(), 404: AgentErrorSchema } } }, async (request, reply) => {
      // A config reload may have taken the scanner away.
      if (!simulators.scanner) return reply.code(404).send({ code: 'SCANNER_NOT_SIMULATED', message: 'The scanner is not simulated' });
      await simulators.scanner.scan(request.body.text);
      return reply.code(204).send(null);
    });
  }

  // Devices that are simulator processes (npm start): the same routes, forwarded to their control APIs.
  const proxied = {
    reader: simulators.reader ? undefined : urls.reader,
    receiptPrinter: printersInProcess ? undefined : urls.receiptPrinter,
    ticketPrinter: printersInProcess ? undefined : urls.ticketPrinter,
  };
  if (proxied.reader || proxied.receiptPrinter || proxied.ticketPrinter) await app.register(simProxyRoutes, { urls: proxied });
};
