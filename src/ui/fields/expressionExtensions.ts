import { autocompletion, type CompletionSource } from '@codemirror/autocomplete';
import { Annotation, EditorState, RangeSetBuilder, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { highlightExpression } from '../../model/expr/tokens';

/** Marks a change that came from the store (undo, another field), not from typing here. */
export const fromStore = Annotation.define<boolean>();

/** Sets the 1-based columns the loader reported errors at. */
export const setErrorColumns = StateEffect.define<readonly number[]>();

/** Colours an expression with the model's own tokens, so the editor and the loader never disagree. */
const highlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged) this.decorations = build(update.view);
    }
  },
  { decorations: (v) => v.decorations },
);

function build(view: EditorView): DecorationSet {
  const text = view.state.doc.toString();
  const builder = new RangeSetBuilder<Decoration>();
  for (const t of highlightExpression(text)) {
    const from = t.start - 1;
    const to = Math.min(t.end - 1, text.length);
    if (to > from) builder.add(from, to, Decoration.mark({ class: `tok-${t.kind}` }));
  }
  return builder.finish();
}

/** A wavy mark at each error column (on the token there, or one character). */
const errorMarks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setErrorColumns)) continue;
      const text = tr.state.doc.toString();
      const tokens = highlightExpression(text);
      const ranges = effect.value
        .filter((c) => text.length > 0 && c >= 1)
        .map((c) => {
          const at = Math.min(c - 1, text.length - 1);
          const token = tokens.find((t) => t.start - 1 <= at && at < t.end - 1);
          return token ? { from: token.start - 1, to: Math.min(token.end - 1, text.length) } : { from: at, to: at + 1 };
        })
        .sort((a, b) => a.from - b.from);
      next = Decoration.set(ranges.map((r) => Decoration.mark({ class: 'cm-error-mark' }).range(r.from, r.to)));
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** Expressions are one line: a newline typed or pasted becomes a space. */
const singleLine = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || !tr.newDoc.toString().includes('\n')) return tr;
  const changes: { from: number; to: number; insert: string }[] = [];
  tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => changes.push({ from: fromA, to: toA, insert: inserted.toString().replace(/\r?\n/g, ' ') }));
  return [{ changes, selection: tr.selection, annotations: tr.annotation(fromStore) ? fromStore.of(true) : [] }];
});

export function expressionExtensions(label: string, id: string, readOnly: boolean, complete?: CompletionSource): Extension[] {
  return [
    ...(complete === undefined || readOnly ? [] : [autocompletion({ override: [complete], icons: false })]),
    highlight,
    errorMarks,
    singleLine,
    EditorView.contentAttributes.of({ 'aria-label': label, id }),
    EditorState.readOnly.of(readOnly),
    EditorView.lineWrapping,
  ];
}
