// The Simulate and Check modes of a version-2 design, mounted by the version-2 shell.
// Contract between the editor (src/ui/v2) and the run views (src/ui/v2/run): see src/ui/v2/README.md.
export { SimulateV2, CheckV2, type RunViewV2Props } from './stubs';
