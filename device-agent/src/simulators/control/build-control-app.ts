import Fastify, { type FastifyInstance } from 'fastify';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { installErrorHandlers } from '../../api/error-handler';
import type { PrinterSimulator } from '../printer-simulator';
import type { ReaderSimulator } from '../reader-simulator';
import type { ScannerSimulator } from '../scanner-simulator';
import { DisconnectBodySchema } from './control-schemas';
import { printerControlRoutes } from './printer-control-routes';
import { readerControlRoutes } from './reader-control-routes';
import { scannerControlRoutes } from './scanner-control-routes';
import type { SimulatorEndpoint } from './simulator-endpoint';

export type ControlledDevice =
  | { kind: 'reader'; reader: ReaderSimulator }
  | { kind: 'printer'; printer: PrinterSimulator }
  | { kind: 'scanner'; scanner: ScannerSimulator };

/**
 * The control API of one simulator process. Besides the device's own routes, for a device that
 * serves an endpoint (reader, printer; a scanner writes to the agent instead):
 *   GET  /link        → { address, connected }
 *   POST /disconnect  { forMs } drops the pty/TCP link and every connection; back after forMs
 * Bound to loopback by the caller; it has no token because it only exists next to a simulator.
 */
export function buildControlApp(device: ControlledDevice, endpoint?: SimulatorEndpoint): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  installErrorHandlers(app);

  if (endpoint) registerLinkRoutes(app, endpoint);
  if (device.kind === 'reader') void app.register(readerControlRoutes, { reader: device.reader });
  else if (device.kind === 'printer') void app.register(printerControlRoutes, { printer: device.printer });
  else void app.register(scannerControlRoutes, { scanner: device.scanner });
  return app;
}

function registerLinkRoutes(app: FastifyInstance, endpoint: SimulatorEndpoint): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/link', { schema: { response: { 200: Type.Object({ address: Type.String(), connected: Type.Boolean() }) } } }, async () => ({
    address: endpoint.agentAddress,
    connected: endpoint.connected,
  }));

  app.withTypeProvider<TypeBoxTypeProvider>().post('/disconnect', { schema: { body: DisconnectBodySchema, response: { 204: Type.Null() } } }, async (request, reply) => {
    await endpoint.disconnect(request.body.forMs);
    return reply.code(204).send(null);
  });
}
