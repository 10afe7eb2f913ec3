import type { CheckResult } from '../../engine/result';
import type { Model } from '../../model/model';
import { lowerToVersion1, version2Path } from '../../model/v2/clients';
import type { DesignV2 } from '../../model/v2/schema';
import { reviewDesign, type Review } from '../lint';
import { REVIEW_KEY } from '../silence';

/**
 * The review of a design with clients (docs/format-v2.md §13): version 1's checklist on the
 * version-1 model it stands for, as the command line's `review` reads it, with the file's
 * `x-review` silences read where the version-2 file keeps them and every finding pointing into
 * the version-2 file (`/roles/0/transitions/1`), so "show" and "silence" act on what the user edits.
 */
export function reviewDesignWithClients(input: { readonly document: DesignV2; readonly model: Model; readonly result?: CheckResult }): Review {
  const { document, model, result } = input;
  const review = reviewDesign({ document: loweredDocument(document), model, ...(result ? { result } : {}) });
  const at = (path: string) => version2Path(path, document) ?? version2Path(path.slice(0, path.lastIndexOf('/')), document) ?? path;
  return {
    findings: review.findings.map((f) => ({ ...f, path: at(f.path) })),
    unknownSilences: review.unknownSilences.map((u) => ({ ...u, path: at(u.path) })),
  };
}

type Json = Record<string, unknown>;
const silenceOf = (x: unknown): Json => (typeof x === 'object' && x !== null && Object.hasOwn(x, REVIEW_KEY) ? { [REVIEW_KEY]: (x as Json)[REVIEW_KEY] } : {});

/** The lowered design with the silences of the elements the lowering rebuilds (the design, its transitions, its environment) carried over. */
function loweredDocument(document: DesignV2): Json {
  const lowered = lowerToVersion1(document) as unknown as Json;
  const role = document.roles[0]!;
  const environment = lowered['environment'];
  return {
    ...lowered,
    ...silenceOf(document),
    transitions: (lowered['transitions'] as Json[]).map((t, k) => ({ ...t, ...silenceOf(role.transitions[k]) })),
    ...(environment !== undefined ? { environment: { ...(environment as Json), ...silenceOf(document.environment) } } : {}),
  };
}
