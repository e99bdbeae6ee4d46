/**
 * The messages an embedded playground sends to the page around it. Documented in
 * public/embed.html; the type string is part of the public contract.
 */
export const RESIZE_MESSAGE = 'k3s-registry-playground:resize';

export interface ResizeMessage {
  type: typeof RESIZE_MESSAGE;
  /** The embed's content height in CSS pixels. */
  height: number;
}

export function resizeMessage(height: number): ResizeMessage {
  return { type: RESIZE_MESSAGE, height: Math.ceil(height) };
}

/** True for a well-formed resize message (the parent should still check event.origin). */
export function isResizeMessage(data: unknown): data is ResizeMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, height } = data as Record<string, unknown>;
  return type === RESIZE_MESSAGE && typeof height === 'number' && Number.isFinite(height) && height >= 0;
}
