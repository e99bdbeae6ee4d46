import { findCredentials } from '../resolver/core.ts';
import type { PlaygroundState } from './state.ts';

/** What stands in for a credential in a shared link: visible, and still valid YAML for K3s. */
export const REDACTED = '"<redacted>"';

export interface Redaction {
  state: PlaygroundState;
  /** Paths of the values replaced, e.g. `configs."registry.example.com".auth.password`. */
  redacted: string[];
}

/**
 * Replaces every credential value in the YAML with a placeholder, leaving every other
 * byte as written. When the YAML does not parse, any line that looks like a credential
 * field is redacted instead, so a broken draft never leaks either.
 */
export function redactCredentials(state: PlaygroundState): Redaction {
  const found = findCredentials(state.yaml);
  if (found === null) return redactByLine(state);
  let yaml = state.yaml;
  const seen = new Set<number>();
  // Replace from the end so earlier offsets stay valid; anchors can make two paths share one value.
  for (const { span } of [...found].sort((a, b) => b.span.start - a.span.start)) {
    if (seen.has(span.start)) continue;
    seen.add(span.start);
    const original = yaml.slice(span.start, span.end);
    yaml = yaml.slice(0, span.start) + REDACTED + (original.endsWith('\n') ? '\n' : '') + yaml.slice(span.end);
  }
  // `auth.token` is not a K3s field, so the decoder drops it, but people still put secrets there.
  const redacted = found.map((location) => location.path);
  yaml = yaml.replace(TOKEN_LINE, (_line, key: string, value: string) => {
    if (value.startsWith('#') || value === REDACTED) return `${key}${value}`;
    redacted.push('token (not a K3s field)');
    return `${key}${REDACTED}`;
  });
  return { state: { ...state, yaml }, redacted };
}

const TOKEN_LINE = /^(\s*token\s*:[ \t]*)(\S.*)$/gm;

const CREDENTIAL_LINE = /^(\s*(?:username|password|auth|identity_token|token)\s*:[ \t]*)(\S.*)$/gm;

function redactByLine(state: PlaygroundState): Redaction {
  const redacted: string[] = [];
  const yaml = state.yaml.replace(CREDENTIAL_LINE, (_line, key: string, value: string) => {
    if (value.startsWith('#') || value === REDACTED) return `${key}${value}`;
    redacted.push(`line: ${key.trim().replace(/:$/, '')}`);
    return `${key}${REDACTED}`;
  });
  return { state: { ...state, yaml }, redacted };
}

/** Whether a state from a link is this draft, as written or in its redacted (shared) form. */
export function isSharedFormOf(linked: PlaygroundState, draft: PlaygroundState): boolean {
  const text = JSON.stringify(linked);
  return text === JSON.stringify(draft) || text === JSON.stringify(redactCredentials(draft).state);
}
