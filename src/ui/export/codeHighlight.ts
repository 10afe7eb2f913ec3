import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

/**
 * Colours for the read-only code views, taken from theme.css variables (`--tok-*`, `--panel`,
 * `--text`) instead of CodeMirror's light default: the export viewer follows the light or dark
 * theme like every other part of the app, with the same token colours as the expression fields.
 */
const codeStyle = HighlightStyle.define([
  { tag: [t.keyword, t.modifier, t.controlKeyword, t.operatorKeyword, t.definitionKeyword, t.moduleKeyword], color: 'var(--tok-keyword)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--tok-number)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'var(--tok-string)' },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [t.typeName, t.className, t.namespace], color: 'var(--tok-type)' },
  { tag: [t.propertyName, t.attributeName], color: 'var(--tok-property)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.variableName)], color: 'var(--tok-function)' },
  { tag: [t.variableName, t.name], color: 'var(--tok-name)' },
  { tag: [t.operator, t.punctuation, t.bracket, t.separator], color: 'var(--text)' },
  { tag: t.invalid, color: 'var(--tok-invalid)' },
]);

const codeTheme = EditorView.theme({
  '&': { backgroundColor: 'var(--panel)', color: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLineGutter, .cm-activeLine': { backgroundColor: 'transparent' },
  '.cm-content': { caretColor: 'var(--text)' },
});

export const codeColours = [codeTheme, syntaxHighlighting(codeStyle)];
