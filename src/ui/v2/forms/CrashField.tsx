import type { DesignV2 } from '../../../model/v2/schema';
import { useDesignV2 } from '../../../store/v2/useDesignV2';
import { SelectField, type Choice } from '../../fields/SelectField';
import { BoundSelect, useBound } from './bound';

const CHOICES: readonly Choice[] = [
  { value: '', label: 'any instance, within the design’s crash budget (default)' },
  { value: '0', label: 'never: this role is assumed not to crash' },
  { value: '1', label: 'at most once per instance' },
  { value: '2', label: 'at most 2 times per instance' },
  { value: '3', label: 'at most 3 times per instance' },
];

const AFTER_CRASH: readonly Choice[] = [
  { value: '', label: 'restarts, through its $restart transitions (default)' },
  { value: 'stop', label: 'stops: stays down for the rest of the run (fail-stop)' },
];

/**
 * A role's `crashes` (docs/format-v2.md §7): which of its instances may crash, within the design's
 * budget; and `afterCrash`: whether a crashed instance restarts or stays down. Errors (outside
 * 0..3, a limit without a budget, a $restart transition in a role that stops) come from the loader.
 */
export function CrashField({ role, label, readOnly }: { role: number; label: string; readOnly: boolean }) {
  const design = useDesignV2();
  const path = `/roles/${role}/crashes`;
  const [value, set] = useBound<number>(path);
  return (
    <>
      <SelectField label={label} path={path} value={value === undefined ? '' : String(value)} choices={CHOICES} disabled={readOnly} onChange={(v) => set(v === '' ? undefined : Number(v))} />
      <p className="hint">{crashHint(design, value)}</p>
      <BoundSelect label={`${label.replace(/ crashes$/, '')} after a crash`} path={`/roles/${role}/afterCrash`} readOnly={readOnly} choices={AFTER_CRASH} defaultValue="restart" />
    </>
  );
}

/** What the setting means with the design's budget as it is now. */
export function crashHint(design: DesignV2, value: number | undefined): string {
  const budget = design.environment?.crashes ?? 0;
  if (value === 0) return 'No crash step for its instances; its $restart transitions are never taken.';
  if (budget === 0) return 'The design’s crash budget (Design) is 0, so nothing crashes yet.';
  const total = `the design’s budget of ${budget} bounds all crashes together`;
  return value === undefined ? `Any of its instances may crash; ${total}.` : `Each instance crashes at most ${value === 1 ? 'once' : `${value} times`}; ${total}.`;
}

/** The lane header's word on it: empty for the default; `stops after a crash` for a fail-stop role that may crash. */
export function crashBadge(value: number | undefined, afterCrash?: 'restart' | 'stop'): string {
  const stops = afterCrash === 'stop' && value !== 0 ? 'stops after a crash' : '';
  if (value === undefined) return stops;
  return [value === 0 ? 'never crashes' : `crashes ≤ ${value} each`, stops].filter(Boolean).join(', ');
}
