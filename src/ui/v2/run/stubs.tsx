// The run views replaced the placeholders that stood here; kept so imports of this file still resolve.
export { SimulateV2 } from './SimulateV2';
export { CheckV2 } from './CheckV2';
export type { RunViewV2Props } from './props';
