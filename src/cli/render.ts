import { resolve } from '../resolver/index.ts';
import { chainsHtml } from '../share/chainsHtml.ts';
import { chainsView } from '../share/chainsView.ts';
import { encodeState } from '../share/codec.ts';
import { chainsMarkdown } from '../share/markdown.ts';
import { redactState } from '../share/redact.ts';
import { hostsDirsOf, type PlaygroundState } from '../share/state.ts';
import type { Release } from '../resolver/index.ts';
import { resolveInput } from './request.ts';
import { UserError } from './errors.ts';

export type RenderFormat = 'html' | 'md';

/**
 * The chains as `<k3s-registry-chains>` draws them, for static site generators: HTML with inline
 * styles (themable by the same `--k3s-chains-*` properties), or a Markdown table. The "Open in
 * playground" link carries the state with its credentials redacted, as the Share dialog does:
 * a docs page is public.
 */
export function renderChains(state: PlaygroundState, releases: Release[], format: RenderFormat, playground: string): string {
  const redaction = redactState(state);
  if (!redaction.safe) throw new UserError(`cannot make a link without credentials: ${redaction.leaks.map((leak) => `${leak.place}: ${leak.why}`).join('; ')}`);
  const resolution = resolve(
    resolveInput({
      registriesYaml: state.product === 'containerd' ? '' : state.yaml,
      hostsDirs: hostsDirsOf(state.certsD),
      images: state.images,
      releases,
      disableDefaultRegistryEndpoint: state.flags.disableDefaultRegistryEndpoint,
      embeddedRegistry: state.flags.embeddedRegistry,
    }),
  );
  const view = chainsView(resolution, state.whatIf);
  const link = `${playground}#${encodeState(redaction.state)}`;
  return format === 'md' ? chainsMarkdown(view, link) : `${chainsHtml(view, { styles: 'inline', playgroundUrl: link })}\n`;
}
