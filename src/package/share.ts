/**
 * `k3s-registry-playground/share`: the permalink codec (`#v3.…` links, every released format
 * decodes), credential redaction, and the chains as HTML or Markdown for docs.
 */
export { encodeState, decodeState, failureMessages, isStateFragment, MAX_FRAGMENT_LENGTH, MAX_INFLATED_BYTES, type DecodeFailure, type DecodeResult } from '../share/codec.ts';
export { redactState, REDACTED, type Redaction, type RedactedItem, type LeakItem } from '../share/redact.ts';
export { defaultState, noWhatIf, STATE_LIMITS, limitState, parseState, type PlaygroundState, type CertsFile, type NodeFlagsState, type WhatIf, type HostCondition, type ViewId } from '../share/state.ts';
export { chainsView, type ChainsView, type ImageView, type CellView } from '../share/chainsView.ts';
export { chainsHtml, chainsStylesheet, type HtmlOptions } from '../share/chainsHtml.ts';
export { chainsMarkdown, markdownSummary } from '../share/markdown.ts';
