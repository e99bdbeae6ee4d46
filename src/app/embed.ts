import { resizeMessage } from '../share/embed-protocol.ts';

/**
 * Inside an iframe, tells the parent page how tall the content is whenever it changes,
 * so a documentation page can size the frame (see public/embed.html).
 */
export function startAutoHeight(target: HTMLElement): () => void {
  if (window.parent === window) return () => {};
  let last = -1;
  const post = () => {
    const height = Math.ceil(target.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage(resizeMessage(height), '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(target);
  post();
  return () => observer.disconnect();
}
