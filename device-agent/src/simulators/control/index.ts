export * from './control-schemas';
export { buildControlApp, type ControlledDevice } from './build-control-app';
export { SimulatorEndpoint, EndpointError, type EndpointSpec, type ServableSimulator } from './simulator-endpoint';
export { SimulatorControlClient, SimulatorControlError } from './simulator-control-client';
export { spawnSimulator, type SimulatorProcess, type SpawnSimulatorOptions } from './spawn-simulator';
export { loadSimulatorScript, runSimulatorScript, SimulatorScriptError } from './simulator-script';
export { simProxyRoutes, type SimulatorControlUrls } from './sim-proxy-routes';
