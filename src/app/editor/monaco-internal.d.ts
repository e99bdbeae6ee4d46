// Monaco's internal worker bootstrap, used by its own language workers (see MonacoEditor.tsx).
declare module 'monaco-editor/esm/vs/internal/common/workers.js' {
  import type { editor } from 'monaco-editor';
  export function createWebWorker<T extends object>(options: {
    moduleId: string;
    label?: string;
    createData?: unknown;
    createWorker?: () => Worker;
    host?: Record<string, (...args: unknown[]) => unknown>;
    keepIdleModels?: boolean;
  }): editor.MonacoWebWorker<T>;
}
