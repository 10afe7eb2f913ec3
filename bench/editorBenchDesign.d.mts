import type { DesignV2 } from '../src/model/v2/schema';

/** Three roles of 100 states and 200 transitions; each sends a message to the next role on every 10th transition. */
export declare function editorBenchDesignV2(): DesignV2;
