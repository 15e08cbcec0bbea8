import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PrinterFaultSchema, type PrinterSimulator } from '../printer-simulator';
import { ControlPrintSchema, CoverBodySchema, PaperBodySchema, RunOutAfterBodySchema, type ControlPrint } from './control-schemas';

/**
 *   GET    /prints        → ControlPrint[], oldest first; DELETE /prints forgets them
 *   PUT    /paper         { state: ok | near-end | out }
 *   PUT    /cover         { open }
 *   PUT    /run-out-after { bytes } the roll ends after that many more printed bytes
 *   PUT    /faults        PrinterFault[] replaces the misbehaviours; DELETE /faults clears them
 */
export const printerControlRoutes: FastifyPluginAsyncTypebox<{ printer: PrinterSimulator }> = async (app, { printer }) => {
  const done = { schema: { response: { 204: Type.Null() } } } as const;

  app.get('/prints', { schema: { response: { 200: Type.Array(ControlPrintSchema) } } }, async (): Promise<ControlPrint[]> => {
    await printer.settled();
    return printer.jobs.map((job) => ({
      jobId: job.id,
      receivedAt: job.receivedAt.toISOString(),
      byteLength: job.bytes.length,
      previewHtml: job.previewHtml,
      previewText: job.previewText,
      complete: job.complete,
    }));
  });

  app.delete('/prints', done, async (_request, reply) => {
    await printer.settled();
    printer.clear();
    return reply.code(204).send(null);
  });

  app.put('/paper', { schema: { body: PaperBodySchema, response: { 204: Type.Null() } } }, async (request, reply) => {
    printer.setPaper(request.body.state);
    return reply.code(204).send(null);
  });

  app.put('/cover', { schema: { body: CoverBodySchema, response: { 204: Type.Null() } } }, async (request, reply) => {
    printer.setCoverOpen(request.body.open);
    return reply.code(204).send(null);
  });

  app.put('/run-out-after', { schema: { body: RunOutAfterBodySchema, response: { 204: Type.Null() } } }, async (request, reply) => {
    printer.runOutOfPaperAfter(request.body.bytes);
    return reply.code(204).send(null);
  });

  app.put('/faults', { schema: { body: Type.Array(PrinterFaultSchema, { maxItems: 16 }), response: { 204: Type.Null() } } }, async (request, reply) => {
    printer.setFaults(request.body);
    return reply.code(204).send(null);
  });

  app.delete('/faults', done, async (_request, reply) => {
    printer.clearFaults();
    return reply.code(204).send(null);
  });
};
