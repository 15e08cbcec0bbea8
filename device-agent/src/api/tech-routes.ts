import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AgentErrorSchema,
  PrintResultSchema,
  TechConfigErrorSchema,
  TechConfigPutSchema,
  TechConfigResultSchema,
  TechConfigSchema,
  TechDiagnosticsSchema,
  TechTestPrintRequestSchema,
  TechTestReadRequestSchema,
  TechTestReadSchema,
  type ConfigReload,
  type PrinterRole,
  type PrintResult,
  type TechDiagnostics,
  type TechTestRead,
} from '@eldercare/domain';
import { AgentConfigError } from '../config/agent-config-error';

/** What the technician routes need from the running agent; the composition provides it. */
export interface TechDeps {
  diagnostics(): Promise<TechDiagnostics>;
  /** SAM check, then the card on the reader (or the next one within timeoutMs), masked. */
  testRead(timeoutMs: number): Promise<TechTestRead>;
  /** A test page on that printer; undefined when no such printer is configured. */
  testPrint(role: PrinterRole): Promise<PrintResult | undefined>;
  config: {
    readonly path: string | undefined;
    readonly lastReload: ConfigReload | undefined;
    text(): Promise<string>;
    /** Throws AgentConfigError naming every bad key; nothing is saved or applied then. */
    save(text: string): Promise<{ saved: boolean; reload: ConfigReload }>;
  };
}

/** /v1/tech/*: the technician page's API (same token and Origin rules as every route). */
export const techRoutes: FastifyPluginAsyncTypebox<{ tech: TechDeps }> = async (app, { tech }) => {
  app.get('/v1/tech/diagnostics', { schema: { response: { 200: TechDiagnosticsSchema } } }, () => tech.diagnostics());

  app.post(
    '/v1/tech/test-read',
    { schema: { body: TechTestReadRequestSchema, response: { 200: TechTestReadSchema } } },
    (request) => tech.testRead((request.body as { timeoutMs?: number } | undefined)?.timeoutMs ?? 10_000),
  );

  app.post(
    '/v1/tech/test-print',
    { schema: { body: TechTestPrintRequestSchema, response: { 200: PrintResultSchema, 404: AgentErrorSchema, 503: PrintResultSchema } } },
    async (request, reply) => {
      const result = await tech.testPrint(request.body.role);
      if (!result) return reply.code(404).send({ code: 'PRINTER_NOT_CONFIGURED', message: `No ${request.body.role} printer is configured` });
      return reply.code(result.state === 'failed' ? 503 : 200).send(result);
    },
  );

  app.get('/v1/tech/config', { schema: { response: { 200: TechConfigSchema } } }, async () => ({
    ...(tech.config.path !== undefined && { path: tech.config.path }),
    text: await tech.config.text(),
    ...(tech.config.lastReload && { lastReload: tech.config.lastReload }),
  }));

  app.put(
    '/v1/tech/config',
    { schema: { body: TechConfigPutSchema, response: { 200: TechConfigResultSchema, 400: TechConfigErrorSchema } } },
    async (request, reply) => {
      try {
        return await tech.config.save(request.body.text);
      } catch (err) {
        if (!(err instanceof AgentConfigError)) throw err;
        return reply.code(400).send({ code: err.code, message: err.message, issues: err.issues });
      }
    },
  );
};
