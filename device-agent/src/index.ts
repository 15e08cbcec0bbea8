/** The device agent's public surface. The agent itself runs from main.ts (`npm run agent`). */
export { startAgent, type RunningAgent } from './agent/start-agent';
export { composeAgent, type AgentSimulators, type ComposedAgent } from './agent/compose-agent';
export {
  AgentConfigError,
  AgentConfigSchema,
  agentConfigIssues,
  isLoopback,
  loadAgentConfig,
  resolveAgentConfig,
  type AgentConfig,
  type AgentConfigErrorCode,
  type AgentConfigInput,
  type AgentConfigIssue,
} from './config';
export { AGENT_USAGE, DEFAULT_AGENT_PORT, DEFAULT_ORIGINS, parseAgentCli, type AgentCli } from './agent/agent-cli';
export { buildAgentApp, type BuildAgentAppOptions } from './api/build-agent-app';
export type { AgentApiDeps } from './api/agent-api-deps';
export * from './ga467';
export * from './reader';
export * from './transports';
export * from './scanner';
export * from './printer';
export * from './print-queue';
export { PrinterDevice, DEFAULT_QUEUE_DIR, type PrinterDeviceOptions } from './agent/printer-device';
export { PrinterDiagnosticsSchema, type PrinterDiagnostics } from './agent/printer-diagnostics';
export { PrintService, PRINTER_NOT_CONFIGURED } from './agent/print-service';
export * from './escpos';
export * from './simulators';
