export * from './card-poller';
export * from './ga467-reader';
export * from './timers';
