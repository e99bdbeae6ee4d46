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
