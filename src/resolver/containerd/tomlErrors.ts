import { TomlError } from 'smol-toml';

/** go-toml words its most common failure ("invalid escaped character"); other errors keep smol-toml's text. */
export function tomlErrorMessage(error: unknown, text: string): string {
  if (!(error instanceof TomlError)) return `toml: ${String(error)}`;
  const reason = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
  if (/escape/.test(reason)) {
    const lines = text.split('\n');
    const line = lines[error.line - 1] ?? '';
    const escaped = /\\(?![btnfr"\\]|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})(.)/u.exec(line)?.[1] ?? '';
    const code = escaped.codePointAt(0) ?? 0;
    return `toml: invalid escaped character U+${code.toString(16).toUpperCase().padStart(4, '0')} '${escaped}' (line ${error.line}, column ${error.column})`;
  }
  return `toml: ${reason} (line ${error.line}, column ${error.column})`;
}
