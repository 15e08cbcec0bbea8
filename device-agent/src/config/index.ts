export {
  AgentConfigSchema,
  type AgentConfig,
  type AgentConfigInput,
  type ApiConfig,
  type PrinterConfig,
  type ReaderConfig,
  type ScannerConfig,
} from './agent-config-schema';
export { AgentConfigError, type AgentConfigErrorCode, type AgentConfigIssue } from './agent-config-error';
export { agentConfigIssues, bindHost, isLoopback, MIN_TOKEN_LENGTH, pairingTokenOf, resolveAgentConfig } from './resolve-agent-config';
export { loadAgentConfig, mergeConfig, parseConfigText, readText, type ReadText } from './load-agent-config';
export { configChanges, type ConfigChanges, type DevicePart } from './config-changes';
export { ConfigFileWatcher } from './config-file-watcher';
export { ConfigReloader, type ConfigReloaderOptions, type ReloadSource } from './config-reloader';
