// The Simulate and Check modes of a version-2 design, mounted by the version-2 shell.
// Contract between the editor (src/ui/v2) and the run views (src/ui/v2/run): see src/ui/v2/README.md.
export { SimulateV2 } from './SimulateV2';
export { CheckV2 } from './CheckV2';
export type { RunViewV2Props } from './props';
