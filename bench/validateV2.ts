/**
 * What the version-2 editor's check costs after an edit of the `editor.mjs --v2` design: the full
 * loader against the incremental one (`src/model/v2/incrementalLoad.ts`, role checks remembered by
 * object identity), on the edits the editor makes (a character typed in a guard, a state added).
 * Median and longest of each, after a first call that is printed apart (cold). Asserts nothing.
 * Run as `npm run bench -- validateV2` (`-- --full` or `-- --incremental`: one loader, in a process of its own).
 */
import { loadDesignIncrementallyV2 } from '../src/model/v2/incrementalLoad';
import { loadAnyDesignValueV2, type AnyLoadResultV2 } from '../src/model/v2/load';
import type { DesignV2 } from '../src/model/v2/schema';
import { applyEditV2, type DesignEditV2 } from '../src/store/v2/designEditsV2';
import { editorBenchDesignV2 } from './editorBenchDesign.mjs';

const EDITS = 200;
const guardKey = (i: number): DesignEditV2 => ({ type: 'set', path: '/roles/1/transitions/3/guard', value: 'true'.slice(0, 1 + (i % 4)) });
const addState = (i: number): DesignEditV2 => ({ type: 'insert', path: '/roles/1/states', value: { name: `N${i}` } });

function run(label: string, load: (d: DesignV2) => AnyLoadResultV2, edit: (i: number) => DesignEditV2): void {
  let design = editorBenchDesignV2();
  let t = performance.now();
  load(design);
  const cold = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    design = applyEditV2(design, edit(i));
    t = performance.now();
    load(design);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} first ${cold.toFixed(1).padStart(5)} ms, then median ${times[EDITS >> 1]!.toFixed(2)} ms, longest ${times[EDITS - 1]!.toFixed(1)} ms`);
}

const full = !process.argv.includes('--incremental');
const incremental = !process.argv.includes('--full');
for (const [name, edit] of [['typed character in a guard', guardKey], ['state added', addState]] as const) {
  if (full) run(`full, ${name}`, loadAnyDesignValueV2, edit);
  if (incremental) run(`incremental, ${name}`, loadDesignIncrementallyV2, edit);
}
