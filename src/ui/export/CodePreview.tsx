import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { codeColours } from './codeHighlight';

/** A read-only CodeMirror view of exported text, highlighted as TypeScript or JSON (others plain). */
export function CodePreview({ text, language, label }: { text: string; language: 'typescript' | 'json' | 'plain'; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          codeColours,
          ...(language === 'typescript' ? [javascript({ typescript: true })] : language === 'json' ? [json()] : []),
        ],
      }),
    });
    return () => view.destroy();
  }, [text, language, label]);
  return <div ref={host} className="export-preview" style={{ maxHeight: '50vh', overflow: 'auto', border: '1px solid var(--border)' }} data-testid="export-preview" />;
}
