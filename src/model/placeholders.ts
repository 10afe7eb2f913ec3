import type { DesignError } from './model';
import type { Design } from './schema';

/**
 * Placeholders an importer left for the designer: a guard that reads a var or payload field
 * whose name starts with `todo_` stands for a condition that was code in the imported machine.
 * The design is valid and checkable (the checker explores such a payload field both ways), but
 * every loader reports each such guard as a warning until it is replaced.
 */
export const PLACEHOLDER_PREFIX = 'todo_';

const PLACEHOLDER = /(?<![A-Za-z0-9_$])(?:event\.)?todo_[A-Za-z0-9_]*/g;

export function placeholderWarnings(design: Design): DesignError[] {
  const warnings: DesignError[] = [];
  design.transitions.forEach((t, i) => {
    const names = [...new Set(t.guard?.match(PLACEHOLDER) ?? [])];
    if (names.length > 0) {
      warnings.push({
        path: `/transitions/${i}/guard`,
        code: 'placeholder-guard',
        message: `This guard reads the placeholder${names.length > 1 ? 's' : ''} ${names.join(', ')} left by an import; replace ${names.length > 1 ? 'them' : 'it'} with the condition.`,
      });
    }
  });
  return warnings;
}
