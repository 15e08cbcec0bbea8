export * from './print-job-store';
export * from './print-queue';
export * from './write-file-atomic';
