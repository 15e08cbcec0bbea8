export * from './service-flow-types';
export * from './idempotency-key';
export * from './error-code';
export * from './host-actor-missing';
export * from './allowance-channel-flow';
export * from './senior-card-flow';
export * from './kiosk-session-machine';
export * from './analysis/count-taps';
