import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AgentErrorSchema, PrinterRoleSchema, SimPrintSchema, type PrinterRole, type SimPrint } from '@eldercare/domain';
import { Type } from 'typebox';
import { PaperBodySchema, CoverBodySchema, type PaperBody } from '../simulators/control/control-schemas';
import { SimulatorControlError } from '../simulators/control/simulator-control-client';
import type { PrinterSimulator } from '../simulators/printer-simulator';

/** One simulated printer as the /v1/sim routes drive it: in this process or a simulator process. */
export interface SimPrinterControl {
  /** The jobs it received, newest first. */
  prints(): Promise<SimPrint[]>;
  setPaper(state: PaperBody['state']): Promise<void>;
  setCoverOpen(open: boolean): Promise<void>;
}

export function inProcessPrinterControl(printer: PrinterSimulator): SimPrinterControl {
  return {
    async prints() {
      await printer.settled();
      return [...printer.jobs].reverse().map((job) => ({
        jobId: job.id,
        receivedAt: job.receivedAt.toISOString(),
        byteLength: job.bytes.length,
        previewHtml: job.previewHtml,
      }));
    },
    async setPaper(state) {
      printer.setPaper(state);
    },
    async setCoverOpen(open) {
      printer.setCoverOpen(open);
    },
  };
}

const RoleParamsSchema = Type.Object({ role: PrinterRoleSchema });
const PrintsQuerySchema = Type.Object({ role: Type.Optional(PrinterRoleSchema) }, { additionalProperties: false });
const errors = { 404: AgentErrorSchema, 503: AgentErrorSchema } as const;

/**
 *   GET /v1/sim/prints?role=receipt|ticket     → SimPrint[] newest first (role defaults to receipt)
 *   PUT /v1/sim/printers/:role/paper { state }  ok loads paper, near-end, out
 *   PUT /v1/sim/printers/:role/cover { open }
 * A role whose printer is not simulated is a 404 PRINTER_NOT_SIMULATED. `printer` is asked on
 * every request: a config reload may replace the simulators.
 */
export const simPrinterRoutes: FastifyPluginAsyncTypebox<{ printer: (role: PrinterRole) => SimPrinterControl | undefined }> = async (app, { printer }) => {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof SimulatorControlError) return reply.code(error.status).send({ code: error.code, message: error.message });
    throw error;
  });
  const notSimulated = (role: PrinterRole) => ({ code: 'PRINTER_NOT_SIMULATED', message: `The ${role} printer is not simulated` });

  app.get('/v1/sim/prints', { schema: { querystring: PrintsQuerySchema, response: { 200: Type.Array(SimPrintSchema), ...errors } } }, async (request, reply) => {
    const role = request.query.role ?? 'receipt';
    const control = printer(role);
    if (!control) return reply.code(404).send(notSimulated(role));
    return control.prints();
  });

  app.put(
    '/v1/sim/printers/:role/paper',
    { schema: { params: RoleParamsSchema, body: PaperBodySchema, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const control = printer(request.params.role);
      if (!control) return reply.code(404).send(notSimulated(request.params.role));
      await control.setPaper(request.body.state);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/v1/sim/printers/:role/cover',
    { schema: { params: RoleParamsSchema, body: CoverBodySchema, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      const control = printer(request.params.role);
      if (!control) return reply.code(404).send(notSimulated(request.params.role));
      await control.setCoverOpen(request.body.open);
      return reply.code(204).send(null);
    },
  );
};
