// monaco-yaml's language worker, bundled by Vite as its own chunk (see MonacoEditor.tsx).
import 'monaco-yaml/yaml.worker.js';
