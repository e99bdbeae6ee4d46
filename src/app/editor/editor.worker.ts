// Monaco's editor worker, bundled by Vite as its own chunk (imported with ?worker in MonacoEditor.tsx,
// through this file so the dev server does not pre-bundle the worker module itself).
import 'monaco-editor/esm/vs/editor/editor.worker.js';
