import { useEffect, useMemo, useRef, type UIEvent } from 'react';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectCursor, selectDiagnostics, selectHighlight } from '../state/selectors.ts';
import { highlightedLines, inFile, offsetOf } from './lines.ts';

/**
 * The editor without Monaco: a textarea over a backdrop that shows highlighted lines and
 * problem lines. Used on touch devices, with ?editor=plain, and (read-only) while Monaco loads.
 */
export function PlainEditor({ value, file, readOnly, label }: { value: string; file: string | null; readOnly: boolean; label: string }) {
  const actions = useActions();
  const highlight = inFile(usePlayground(selectHighlight), file);
  const diagnostics = inFile(usePlayground(selectDiagnostics), file);
  const cursor = usePlayground(selectCursor);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLPreElement>(null);
  const lines = useMemo(() => value.split('\n'), [value]);
  const marked = useMemo(() => highlightedLines(value, highlight), [value, highlight]);
  const problems = useMemo(() => new Map(diagnostics.map((found) => [found.line, found.severity] as const)), [diagnostics]);

  useEffect(() => {
    if (cursor === null || textarea.current === null || cursor.file !== file) return;
    const offset = offsetOf(textarea.current.value, cursor.line, cursor.column);
    textarea.current.focus();
    textarea.current.setSelectionRange(offset, offset);
  }, [cursor]);

  const syncScroll = (event: UIEvent<HTMLTextAreaElement>) => {
    if (backdrop.current === null) return;
    backdrop.current.scrollTop = event.currentTarget.scrollTop;
    backdrop.current.scrollLeft = event.currentTarget.scrollLeft;
  };

  return (
    <div className="plain-editor">
      <pre className="plain-editor-backdrop" aria-hidden="true" ref={backdrop}>
        {lines.map((line, index) => (
          <span key={index} className={['line', marked.has(index + 1) ? 'is-highlighted' : '', problems.has(index + 1) ? `has-${problems.get(index + 1)}` : ''].join(' ')}>
            {line}
            {'\n'}
          </span>
        ))}
      </pre>
      <textarea
        ref={textarea}
        aria-label={label}
        value={value}
        readOnly={readOnly}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        onScroll={syncScroll}
        onChange={(event) => actions.setFileText(file, event.target.value)}
      />
    </div>
  );
}
