import type { CheckResult } from '../../engine/result';
import { mermaidDiagram } from '../../export/mermaid/export';
import type { Model } from '../../model/model';
import type { Design } from '../../model/schema';
import { reviewDesign } from '../../review/lint';
import { reportHtml } from '../../review/reportHtml';
import { reportMarkdown } from '../../review/reportMarkdown';
import { buildReport, type Report } from '../../review/reportModel';
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
  const report = (date: string, markdown: boolean) => {
    const review = reviewDesign({ document: design, model, ...(result ? { result } : {}) });
    return result
      ? buildReport({ model, result, review, date, ...(markdown ? { mermaid: mermaidDiagram(model) } : {}) })
      : null;
  };
  return (
    <ReportDownloads name={model.name} ready={result !== null} report={report}>
      One file to share: the diagram, vars, events, invariants, environment, the verdict with each
      violation&apos;s shortest trace, coverage, client outcomes, the checklist, the design hash and the
      date. It needs no script and no network.
    </ReportDownloads>
  );
}

/** The two download buttons of a report (either format). */
export function ReportDownloads({
  name,
  ready,
  report,
  children,
}: {
  name: string;
  /** The check is done: the report can be made. */
  ready: boolean;
  report: (date: string, markdown: boolean) => Report | null;
  children: React.ReactNode;
}) {
  const make = (markdown: boolean) => {
    const made = report(new Date().toISOString(), markdown);
    if (!made) return;
    const stem = `${fileStem(name)}.review`;
    if (markdown) downloadText(reportMarkdown(made), `${stem}.md`, 'text/markdown');
    else downloadText(reportHtml(made), `${stem}.html`, 'text/html');
  };
  return (
    <section aria-label="Report">
      <p>{children}</p>
      <div className="dialog__actions">
        <button type="button" className="primary" disabled={!ready} onClick={() => make(false)}>
          Download HTML report
        </button>
        <button type="button" disabled={!ready} onClick={() => make(true)}>
          Download Markdown
        </button>
      </div>
      {!ready && <p role="status">Waiting for the check…</p>}
    </section>
  );
}
