/** The name a `$restart` transition gives as its event (apart from schema.ts, so code that only compiles a checked design loads no schema library). */
export const RESTART_EVENT = '$restart';
