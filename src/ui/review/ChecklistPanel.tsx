import { useMemo, useState } from 'react';
import type { CheckResult } from '../../engine/result';
import type { Model } from '../../model/model';
import type { Design } from '../../model/schema';
import type { Finding } from '../../review/finding';
import { reviewDesign, type Review } from '../../review/lint';
import { RULES, type RuleId } from '../../review/rules';
import { withSilence } from '../../review/silence';
import { useApplyEdit } from '../../store/useApplyEdit';

/**
 * The review checklist for the open design: each finding with its element, why and fix, the
 * rule's reasoning, and silencing with a recorded reason (written into the design under
 * `x-review`, one undo step).
 */
export function ChecklistPanel({
  design,
  model,
  result,
  onShow,
}: {
  design: Design;
  model: Model;
  result: CheckResult | null;
  onShow: (path: string) => void;
}) {
  const review = useMemo(
    () => reviewDesign({ document: design, model, ...(result ? { result } : {}) }),
    [design, model, result],
  );
  const apply = useApplyEdit();
  return (
    <ChecklistView
      review={review}
      verdict={result?.verdict ?? null}
      onSilence={(f, reason) => apply({ type: 'replace', design: withSilence(design, f.path, f.rule, reason) })}
      onShow={onShow}
    />
  );
}

/**
 * The checklist's findings for either format: each with its element (a button that shows it in
 * the design), why, fix, the rule's reasoning, and silencing with a recorded reason.
 */
export function ChecklistView({
  review,
  verdict,
  onSilence,
  onShow,
}: {
  review: Review;
  /** The last check's verdict; null while it runs. */
  verdict: string | null;
  onSilence: (finding: Finding, reason: string | null) => void;
  onShow: (path: string) => void;
}) {
  const open = review.findings.filter((f) => f.silenced === undefined).length;
  return (
    <section aria-label="Checklist">
      <p role="status">
        {open} open finding{open === 1 ? '' : 's'}
        {review.findings.length > open ? `, ${review.findings.length - open} silenced` : ''}
        {verdict ? ` · check: ${verdict}` : ' · checking…'}
      </p>
      {review.unknownSilences.map((u) => (
        <p key={`${u.path}:${u.rule}`} className="review-warning">
          {u.path || 'The design'} silences “{u.rule}”, which is no rule.
        </p>
      ))}
      <ul className="review-findings" aria-label="Checklist findings">
        {review.findings.map((f) => (
          <FindingItem
            key={`${f.rule}:${f.path}`}
            finding={f}
            onSilence={(reason) => onSilence(f, reason)}
            onShow={() => onShow(f.path)}
          />
        ))}
      </ul>
    </section>
  );
}

function FindingItem({
  finding: f,
  onSilence,
  onShow,
}: {
  finding: Finding;
  onSilence: (reason: string | null) => void;
  onShow: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const rule = RULES[f.rule as RuleId];
  return (
    <li
      className={`review-finding${f.silenced !== undefined ? ' review-finding--silenced' : ''}`}
      data-rule={f.rule}
      aria-label={`${rule.title}: ${f.element}`}
    >
      <div>
        <strong>{rule.title}</strong> ·{' '}
        <button type="button" className="link" onClick={onShow} title="Show it in the design">
          {f.element}
        </button>
      </div>
      <p>{f.why}</p>
      <p>
        <em>Fix:</em> {f.fix}
      </p>
      <details>
        <summary>Why this rule</summary>
        <p>{rule.reasoning}</p>
      </details>
      {f.silenced !== undefined ? (
        <p>
          Silenced: {f.silenced}{' '}
          <button type="button" onClick={() => onSilence(null)}>
            Unsilence
          </button>
        </p>
      ) : asking ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) onSilence(reason.trim());
          }}
        >
          <label>
            Reason <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          </label>{' '}
          <button type="submit" disabled={!reason.trim()}>
            Silence
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          Silence…
        </button>
      )}
    </li>
  );
}
