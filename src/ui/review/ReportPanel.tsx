import type { CheckResult } from '../../engine/result';
import { mermaidDiagram } from '../../export/mermaid/export';
import type { Model } from '../../model/model';
import type { Design } from '../../model/schema';
import { reviewDesign } from '../../review/lint';
import { reportHtml } from '../../review/reportHtml';
import { reportMarkdown } from '../../review/reportMarkdown';
import { buildReport } from '../../review/reportModel';
import { fileStem } from '../documents/downloadDesign';
import { downloadText } from './download';

/** Downloads the review report (self-contained HTML, or Markdown for a pull request) of the open design and its check. */
export function ReportPanel({
  design,
  model,
  result,
}: {
  design: Design;
  model: Model;
  result: CheckResult | null;
}) {
  const make = (markdown: boolean) => {
    if (!result) return;
    const review = reviewDesign({ document: design, model, result });
    const report = buildReport({
      model,
      result,
      review,
      date: new Date().toISOString(),
      ...(markdown ? { mermaid: mermaidDiagram(model) } : {}),
    });
    const stem = `${fileStem(model.name)}.review`;
    if (markdown) downloadText(reportMarkdown(report), `${stem}.md`, 'text/markdown');
    else downloadText(reportHtml(report), `${stem}.html`, 'text/html');
  };
  return (
    <section aria-label="Report">
      <p>
        One file to share: the diagram, vars, events, invariants, environment, the verdict with each
        violation&apos;s shortest trace, coverage, client outcomes, the checklist, the design hash and the
        date. It needs no script and no network.
      </p>
      <div className="dialog__actions">
        <button type="button" className="primary" disabled={!result} onClick={() => make(false)}>
          Download HTML report
        </button>
        <button type="button" disabled={!result} onClick={() => make(true)}>
          Download Markdown
        </button>
      </div>
      {!result && <p role="status">Waiting for the check…</p>}
    </section>
  );
}
