import { useCallback, useState } from 'react';

/**
 * Copies text to the clipboard and remembers what was copied last (for a "Copied" label).
 * The clipboard can refuse (permissions, insecure origins): then nothing is marked copied.
 */
export function useClipboard(): { copied: string | null; copy: (what: string, text: string) => Promise<void> } {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = useCallback(async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied(null);
    }
  }, []);
  return { copied, copy };
}
