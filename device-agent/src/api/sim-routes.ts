import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgentErrorSchema, SimCardSchema, SimPrintSchema, maskIdNumber, maskName, type SimCard, type SimPrint } from '@eldercare/domain';
import { Type } from 'typebox';
import { simProxyRoutes } from '../simulators/control/sim-proxy-routes';
import type { AgentApiDeps } from './agent-api-deps';

/** Text a simulated scanner scans (bytes in serial mode, key strokes in keyboard mode). */
const ScanSchema = Type.Object({ text: Type.String({ maxLength: 4096 }) }, { additionalProperties: false });
const PlaceCardSchema = Type.Object({ key: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

/** Control of simulated devices; registered only for the devices that are simulated. */
export const simRoutes: FastifyPluginAsyncTypebox<{ deps: AgentApiDeps }> = async (app, { deps }) => {
  const { reader, receiptPrinter, scanner } = deps.simulators;

  if (reader) {
    // Masked as on any screen: the simulator page is a screen too.
    app.get('/v1/sim/cards', { schema: { response: { 200: Type.Array(SimCardSchema) } } }, async (): Promise<SimCard[]> =>
      reader.demoResidents().map((r) => ({
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
        if (!reader.demoResidents().some((r) => r.key === request.body.key)) {
          return reply.code(404).send({ code: 'UNKNOWN_DEMO_CARD', message: 'No demo resident with this key' });
        }
        reader.placeDemoCard(request.body.key);
        return reply.code(204).send(null);
      },
    );

    app.delete('/v1/sim/card', { schema: { response: { 204: Type.Null() } } }, async (_request, reply) => {
      reader.removeCard();
      return reply.code(204).send(null);
    });
  }

  if (receiptPrinter) {
    app.get('/v1/sim/prints', { schema: { response: { 200: Type.Array(SimPrintSchema) } } }, async (): Promise<SimPrint[]> => {
      await receiptPrinter.settled();
      return [...receiptPrinter.jobs].reverse().map((job) => ({
        jobId: job.id,
        receivedAt: job.receivedAt.toISOString(),
        byteLength: job.bytes.length,
        previewHtml: job.previewHtml,
      }));
    });
  }

  if (scanner) {
    // The scan goes through the real decoding; its result arrives as scan.read / scan.rejected.
    app.post('/v1/sim/scan', { schema: { body: ScanSchema, response: { 204: Type.Null() } } }, async (request, reply) => {
      await scanner.scan(request.body.text);
      return reply.code(204).send(null);
    });
  }

  // Devices that are simulator processes (npm start): the same routes, forwarded to their control APIs.
  if (deps.simulatorControl) {
    const urls = deps.simulatorControl;
    await app.register(simProxyRoutes, { urls: { reader: reader ? undefined : urls.reader, receiptPrinter: receiptPrinter ? undefined : urls.receiptPrinter } });
  }
};
