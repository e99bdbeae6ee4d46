import Editor, { loader, type OnMount } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
// The editor features (hover, suggest, find…) and monaco's own worker bootstrap, without other languages.
import { createWebWorker } from 'monaco-editor/esm/vs/internal/common/workers.js';
import 'monaco-editor/esm/vs/languages/definitions/yaml/register.js';
import EditorWorker from './editor.worker.ts?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import { useEffect, useMemo, useRef } from 'react';
import type { Diagnostic } from '../../resolver/core.ts';
import { markMonacoReady } from '../perfMarks.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectCursor, selectDiagnostics, selectHighlight } from '../state/selectors.ts';
import { useResolvedTheme } from '../components/useResolvedTheme.ts';
import { highlightedLines, inFile } from './lines.ts';
import { HOSTS_TOML_LANGUAGE, hostsTomlPath, registerHostsToml } from './hostsTomlLanguage.ts';
import { ruleHref } from '../ruleHref.ts';
import YamlWorker from './yaml.worker.ts?worker';

/** Where the model lives: the schema's fileMatch and the real path on a node. */
const MODEL_PATH = 'file:///etc/rancher/k3s/registries.yaml';
const MARKER_OWNER = 'k3s-registry-playground';

// Monaco is bundled, never fetched from a CDN; only the editor and YAML workers exist.
self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};
loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });
// Before any model asks for it: hosts.toml highlighting and key completion.
registerHostsToml(monaco);

/**
 * monaco-yaml (via monaco-worker-manager) still calls `editor.createWebWorker({moduleId, label,
 * createData})`, the pre-0.56 signature; since 0.56 that function takes a ready Worker. Monaco's
 * own language workers go through internal `createWebWorker`, which builds the worker from
 * MonacoEnvironment and sends it createData: give monaco-yaml that one. Remove once
 * monaco-yaml/monaco-worker-manager adopt the new API.
 */
const monacoForYaml = { ...monaco, editor: { ...monaco.editor, createWebWorker } };

let yamlConfigured = false;
async function configureYaml(): Promise<void> {
  if (yamlConfigured) return;
  yamlConfigured = true;
  const schemaUrl = new URL(`${import.meta.env.BASE_URL}schema/registries.schema.json`, location.href).href;
  let schema: object | undefined;
  try {
    // The single offline file has nothing beside it to fetch: its build carries the schema inline.
    schema = import.meta.env.MODE === 'offline' ? (await import('../../../public/schema/registries.schema.json')).default : ((await (await fetch(schemaUrl)).json()) as object);
  } catch {
    schema = undefined; // Completion and hover are extras: the editor works without them.
  }
  configureMonacoYaml(monacoForYaml as unknown as Parameters<typeof configureMonacoYaml>[0], {
    enableSchemaRequest: false,
    yamlVersion: '1.1',
    hover: true,
    completion: true,
    validate: true,
    schemas: schema === undefined ? [] : [{ uri: schemaUrl, fileMatch: ['**/registries.yaml'], schema: schema as never }],
  });
}

const severities = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

function toMarker(found: Diagnostic): monaco.editor.IMarkerData {
  return {
    severity: severities[found.severity],
    message: found.message,
    startLineNumber: found.line,
    startColumn: found.column,
    endLineNumber: found.endLine,
    endColumn: found.endLine === found.line && found.endColumn <= found.column ? found.column + 1 : found.endColumn,
    source: 'k3s',
    // The code links to its page (what it means, why, the fix), beside the site.
    code: { value: found.code, target: monaco.Uri.parse(new URL(ruleHref(found.code), document.baseURI).href) },
  };
}

/**
 * Tab indents in the editor, so it would trap keyboard users. As in GitHub's editor, Esc arms a
 * way out: the next Tab (or Shift+Tab) moves focus out of the editor instead of indenting; any
 * other key disarms it.
 */
function leaveWithEscapeThenTab(editor: monaco.editor.IStandaloneCodeEditor): void {
  let armed = false;
  editor.onKeyDown((event) => {
    if (event.keyCode === monaco.KeyCode.Escape) {
      armed = true;
      return;
    }
    if (armed && event.keyCode === monaco.KeyCode.Tab) {
      event.preventDefault();
      event.stopPropagation();
      moveFocusFrom(editor.getContainerDomNode(), event.shiftKey ? -1 : 1);
    }
    armed = false;
  });
  editor.onDidBlurEditorText(() => {
    armed = false;
  });
}

/** Focuses the next (or previous) focusable element outside `container`, in document order. */
function moveFocusFrom(container: HTMLElement, direction: 1 | -1): void {
  const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')].filter(
    (element) => !element.hasAttribute('disabled') && element.getClientRects().length > 0,
  );
  const inside = (element: HTMLElement) => container.contains(element);
  // Walking in the direction of travel, leave after the editor's last focusable element.
  const list = direction === 1 ? focusable : [...focusable].reverse();
  let from = -1;
  list.forEach((element, index) => {
    if (inside(element)) from = index;
  });
  const target = list.slice(from + 1).find((element) => !inside(element));
  target?.focus();
}

/** Monaco with the YAML language only: schema completion and hover, engine diagnostics as markers. */
export default function MonacoEditor({ value, file, label }: { value: string; file: string | null; label: string }) {
  const actions = useActions();
  const allDiagnostics = usePlayground(selectDiagnostics);
  const allHighlight = usePlayground(selectHighlight);
  const diagnostics = useMemo(() => inFile(allDiagnostics, file), [allDiagnostics, file]);
  const highlight = useMemo(() => inFile(allHighlight, file), [allHighlight, file]);
  const cursor = usePlayground(selectCursor);
  const theme = useResolvedTheme();
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor as unknown as monaco.editor.IStandaloneCodeEditor;
    decorations.current = editorRef.current.createDecorationsCollection();
    editorRef.current.getContainerDomNode().querySelector('textarea')?.setAttribute('aria-label', label);
    leaveWithEscapeThenTab(editorRef.current);
    markMonacoReady();
  };

  useEffect(() => {
    void configureYaml();
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, diagnostics.map(toMarker));
  }, [diagnostics, value, file]);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null || decorations.current === null) return;
    const lines = highlightedLines(editor.getValue(), highlight);
    decorations.current.set([...lines].map((line) => ({ range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'source-highlight', linesDecorationsClassName: 'source-highlight-gutter' } })));
    const first = Math.min(...lines);
    if (Number.isFinite(first)) editor.revealLineInCenterIfOutsideViewport(first);
  }, [highlight, file]);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null || cursor === null || cursor.file !== file) return;
    editor.setPosition({ lineNumber: cursor.line, column: cursor.column });
    editor.revealLineInCenter(cursor.line);
    editor.focus();
  }, [cursor, file]);

  return (
    <Editor
      path={file === null ? MODEL_PATH : hostsTomlPath(file)}
      language={file === null ? 'yaml' : HOSTS_TOML_LANGUAGE}
      value={value}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      onMount={onMount}
      onChange={(next) => actions.setFileText(file, next ?? '')}
      loading={null}
      options={{
        minimap: { enabled: false },
        fontSize: 14,
        tabSize: 2,
        insertSpaces: true,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        renderWhitespace: 'boundary',
        quickSuggestions: { other: true, comments: false, strings: true },
        ariaLabel: label,
      }}
    />
  );
}
