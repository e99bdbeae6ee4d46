/**
 * `<k3s-registry-chains>`: the endpoint chains of a registries.yaml, for documentation pages,
 * without an iframe, React or Monaco. Its own bundle, /element.js (vite.element.config.ts).
 *
 *   <script type="module" src="https://HOST/PATH/element.js"></script>
 *   <k3s-registry-chains images="nginx,quay.io/coreos/etcd:v3.6.0-rc.1" releases="v1.32.2+k3s1,v1.32.3+k3s1">
 *     <script type="text/yaml">mirrors: …</script>
 *   </k3s-registry-chains>
 *
 * or `permalink="https://HOST/PATH/#v3.…"`. Everything it reads is the page author's, but a
 * permalink is still decoded with the codec's bounds, and nothing it shows can run script.
 */
import { findRelease, resolve, type Distribution, type Release } from '../resolver/core.ts';
import { loadedParts, loadMissingPart } from '../resolver/lazyParts.ts';
import { encodeState } from '../share/codec.ts';
import { chainsHtml, chainsStylesheet } from '../share/chainsHtml.ts';
import { escapeHtml } from '../share/html.ts';
import { chainsView } from '../share/chainsView.ts';
import { readElementInput, type ElementInput } from './input.ts';

/** The playground beside this script: element.js is published at the site's root. */
const defaultPlayground = new URL(/* @vite-ignore */ './', import.meta.url).href;

export class K3sRegistryChains extends HTMLElement {
  static readonly observedAttributes = ['permalink', 'images', 'releases', 'product', 'playground'];
  readonly #root: ShadowRoot;
  #pending = false;
  #generation = 0;
  readonly #children = new MutationObserver(() => this.#schedule());

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback(): void {
    this.#children.observe(this, { childList: true, subtree: true, characterData: true });
    this.#schedule();
  }

  disconnectedCallback(): void {
    this.#children.disconnect();
  }

  attributeChangedCallback(): void {
    this.#schedule();
  }

  /** One render per task, however many attributes and children changed in it. */
  #schedule(): void {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      void this.#render();
    });
  }

  async #render(): Promise<void> {
    const generation = ++this.#generation;
    const input = readElementInput({
      permalink: this.getAttribute('permalink'),
      images: this.getAttribute('images'),
      releases: this.getAttribute('releases'),
      product: this.getAttribute('product'),
      playground: this.getAttribute('playground'),
      yaml: this.querySelector('script[type="text/yaml"]')?.textContent ?? null,
      hostsToml: [...this.querySelectorAll('script[type="text/toml"][data-dir]')].map((script) => ({ dir: script.getAttribute('data-dir') ?? '', toml: script.textContent ?? '' })),
      defaultPlayground,
    });
    if (!input.ok) {
      this.#show(`<p class="problem" role="alert">${escapeHtml(input.message)}</p>`);
      return;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        this.#show(renderState(input.value));
        return;
      } catch (error) {
        const loaded = (await loadMissingPart(error)?.then(() => true, () => false)) ?? false;
        if (!loaded || generation !== this.#generation) {
          if (generation === this.#generation) this.#show(`<p class="problem" role="alert">Could not show the chains: ${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`);
          return;
        }
      }
    }
  }

  #show(markup: string): void {
    this.#root.innerHTML = `<style>${chainsStylesheet}</style>${markup}`;
  }
}

function renderState(input: ElementInput): string {
  const { state, playground } = input;
  const releases = releasesOf(state.versions, state.product);
  if (releases.problems.length > 0) return `<p class="problem" role="alert">${escapeHtml(releases.problems.join(' '))}</p>`;
  const resolution = resolve({
    registriesYaml: state.product === 'containerd' ? '' : state.yaml,
    hostsDirs: Object.fromEntries(state.certsD.map((file) => [file.dir, file.toml])),
    images: state.images,
    releases: releases.found,
    disableDefaultRegistryEndpoint: state.flags.disableDefaultRegistryEndpoint,
    embeddedRegistry: state.flags.embeddedRegistry,
    ...loadedParts(),
  });
  return chainsHtml(chainsView(resolution, state.whatIf), { styles: 'classes', playgroundUrl: `${playground}#${encodeState(state)}` });
}

function releasesOf(names: readonly string[], product: Distribution): { found: Release[]; problems: string[] } {
  const found: Release[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const result = findRelease(name, product);
    if (result.ok) found.push(result.release);
    else problems.push(result.error);
  }
  return { found, problems };
}

if (customElements.get('k3s-registry-chains') === undefined) customElements.define('k3s-registry-chains', K3sRegistryChains);
