/**
 * Text printed to a terminal comes from the user's files, and a registry key or image name can
 * hold escape sequences that move the cursor, rewrite earlier lines or change the window title.
 * Everything the CLI prints goes through one of these two functions.
 */

/** C0 controls except newline and tab, DEL, C1 controls, and the bidirectional overrides. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Plain text with unsafe characters shown as `\xNN` / `\uNNNN`. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** JSON with the characters JSON.stringify leaves raw (DEL, C1, bidi overrides) escaped too: the same value, safe on a terminal. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
