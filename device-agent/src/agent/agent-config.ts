/** The agent's config lives in ../config; this re-export keeps older imports working. */
export * from '../config';
