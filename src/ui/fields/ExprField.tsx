import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useId, useRef } from 'react';
import { useEditorStores } from '../../store/editorContext';
import { expressionCompletion } from './expressionCompletion';
import { expressionExtensions, fromStore, setErrorColumns } from './expressionExtensions';
import { fieldId } from './fieldId';
import { useBreakMerge, useFieldSource } from './fieldSource';
import { FieldError } from './FieldError';
import { useErrorsAt } from './useErrorsAt';

/**
 * An expression (guard, update, invariant) in CodeMirror 6: coloured by the model's tokens, the
 * loader's error columns marked in place, the messages beside it, names completed from the design.
 */
export function ExprField({ label, path, value, onChange, readOnly = false, placeholder }: {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
  placeholder?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const errors = useErrorsAt(path);
  const errorId = useId();
  const breakMerge = useBreakMerge();
  const { designs } = useEditorStores();
  // Names are completed from the version-1 design's scope; a version-2 field (a `FieldSource`) has none yet.
  const completes = useFieldSource() === null;
  const columns = errors.map((e) => e.column).filter((c): c is number => c !== undefined);
  const columnsKey = columns.join(',');

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          expressionExtensions(label, fieldId(path), readOnly, completes ? expressionCompletion(() => designs.getState().design, path) : undefined),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !u.transactions.some((t) => t.annotation(fromStore))) onChangeRef.current(u.state.doc.toString());
            if (u.focusChanged && !u.view.hasFocus) breakMerge();
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is made once per field; value, errors and handlers reach it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label, path, readOnly]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current !== value) v.dispatch({ changes: { from: 0, to: current.length, insert: value }, annotations: fromStore.of(true) });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: setErrorColumns.of(columnsKey === '' ? [] : columnsKey.split(',').map(Number)) });
  }, [columnsKey, value]);

  return (
    <div className="field field--expr">
      <span className="field__label">{label}</span>
      <div ref={host} className={`expr-editor${errors.length ? ' is-invalid' : ''}`} aria-describedby={errors.length ? errorId : undefined} data-placeholder={placeholder} />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
