export * from './card-read-data';
export * from './ga467-commands';
export * from './ga467-frame';
export * from './ga467-frame-splitter';
export * from './ga467-status';
export * from './reader-error';
export * from './resident-card-text';
export * from './sam-id';
