/** The targets a version-2 design exports to (docs/format-v2.md, "Exports"). */
export const TARGETS_V2 = ['ts', 'xstate', 'mermaid', 'scxml', 'promela', 'harness', 'monitor', 'json'] as const;
export type TargetV2 = (typeof TARGETS_V2)[number];

export const TARGET_INFO_V2: Record<TargetV2, { readonly label: string }> = {
  ts: { label: 'TypeScript: one module per role and the shared message types' },
  xstate: { label: 'XState v5: one machine per role and the actor system' },
  mermaid: { label: 'Mermaid: a state diagram per role and a sequence diagram' },
  scxml: { label: 'SCXML: one document per role (transitions only)' },
  promela: { label: 'Promela (Spin): one proctype per role' },
  harness: { label: 'Test harness: your implementation of each role against the design, step by step' },
  monitor: { label: 'Runtime monitor: observed steps of the running instances checked against the design' },
  json: { label: 'Design JSON' },
};

export function isTargetV2(value: string): value is TargetV2 {
  return (TARGETS_V2 as readonly string[]).includes(value);
}
