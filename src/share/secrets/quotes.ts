/**
 * Where a quoted YAML scalar that starts at `start` really ends, reading the raw text: after
 * its closing quote, skipping escapes (`\"` in double quotes, `''` in single quotes), across
 * lines. A quote never closed runs to the end of the text. Broken YAML can make the parser
 * split such a scalar, and the part after the split is still the secret.
 */
export function quotedScalarEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (quote === '"' && char === '\\') i++;
    else if (char === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}
