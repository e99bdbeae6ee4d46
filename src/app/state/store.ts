import { createStore } from 'zustand/vanilla';
import { defaultContainerdReleaseNames, defaultReleaseNames, type Availability, type Diagnostic, type Distribution, type Resolution, type SourceRef } from '../../resolver/core.ts';
import { noWhatIf, type CertsFile, type HostCondition, type NodeFlagsState, type PlaygroundState, type ViewId } from '../../share/state.ts';

export type Theme = 'system' | 'light' | 'dark';

/** How the page was opened; worked out once at boot and never re-read (see boot.ts). */
export interface Mode {
  embed: boolean;
  readOnly: boolean;
  /** Plain textarea instead of Monaco (touch devices, `?editor=plain`). */
  plainEditor: boolean;
  /** How an embed is configured from its URL (`?embed&view=summary&maxHeight=400`); null on the full page. */
  embedOptions: EmbedOptions | null;
}

/** What a documentation page can choose for an embed. */
export interface EmbedOptions {
  /** `summary`: the outcome table only; `chains` or `hosts`: the YAML beside that view. */
  view: 'summary' | 'chains' | 'hosts' | null;
  /** Sample images to show instead of the link's. */
  images: string[] | null;
  /** The frame stops growing here and scrolls inside. */
  maxHeight: number | null;
  theme: 'light' | 'dark' | null;
}

/** A message shown above the page (bad link, restored draft…). */
export interface Banner {
  id: string;
  tone: 'info' | 'warning' | 'error';
  text: string;
  /** An optional action, e.g. restore the local draft. */
  action?: { label: string; run: () => void };
}

export interface UiState {
  onlyDiffering: boolean;
  /** registries.yaml ranges to highlight (from hovering or focusing a chain step). */
  highlight: SourceRef[];
  theme: Theme;
  /** A request for the editor to move its cursor (in `file`: a certs.d directory, or null for registries.yaml); the nonce makes repeated clicks count. */
  cursor: { line: number; column: number; file: string | null; nonce: number } | null;
  /** The file open in the editor: a certs.d directory, or null for registries.yaml. */
  activeFile: string | null;
  /** The draft before the last replaceDraft, for undo. */
  undo: PlaygroundState | null;
  banners: Banner[];
  /** The page came from someone else's link and has not been edited yet. */
  fromLink: boolean;
  /** "What if the pod has an imagePullSecret?": the credentials each step gets (not saved, not shared). */
  pullSecret: boolean;
}

/** Written only by the recompute step (recompute.ts); never saved, never put in a link. */
export interface ResultsState {
  /** The last result K3s could load: stays on screen while the YAML is broken. */
  resolution: Resolution | null;
  /** Diagnostics of the latest text, even when it is broken. */
  diagnostics: Diagnostic[];
  /** True while the latest text cannot be loaded and an older result is shown. */
  stale: boolean;
  /** Milliseconds the latest computation took. */
  durationMs: number;
  /** Increases with each new result; the update benchmark waits for it. */
  seq: number;
  /** An unexpected engine failure, shown instead of crashing. */
  failure: string | null;
}

export interface PlaygroundData {
  mode: Mode;
  draft: PlaygroundState;
  ui: UiState;
  results: ResultsState;
}

export interface PlaygroundActions {
  setYaml(yaml: string): void;
  /** The text of one file: registries.yaml (null) or a certs.d directory's hosts.toml. */
  setFileText(file: string | null, text: string): void;
  /** Adds `certs.d/<dir>/hosts.toml` and opens it. */
  addHostsFile(dir: string, toml: string): void;
  renameHostsFile(from: string, to: string): void;
  removeHostsFile(dir: string): void;
  /** Replaces the whole certs.d tree (a pasted or dropped tree), keeping the old draft for undo. */
  replaceCertsD(files: CertsFile[]): void;
  setActiveFile(file: string | null): void;
  setImages(images: string[]): void;
  addImages(images: string[]): void;
  removeImage(index: number): void;
  setImage(index: number, image: string): void;
  setFlag(flag: keyof NodeFlagsState, value: boolean): void;
  setView(view: ViewId): void;
  /** The compared releases, left to right, as typed. */
  setVersions(versions: string[]): void;
  /** K3s or RKE2 (release names with a build suffix follow), or plain containerd (its own releases). */
  setProduct(product: Distribution): void;
  /** Replaces the draft (an example, a restored draft), keeping the old one for undo. */
  replaceDraft(next: Partial<PlaygroundState>): void;
  /** Brings back the draft the last replaceDraft replaced. */
  undoReplace(): void;
  /** Shows someone else's link: replaces the draft and marks it as theirs until edited. */
  openLink(state: PlaygroundState): void;
  setOnlyDiffering(value: boolean): void;
  setPullSecret(value: boolean): void;
  setHighlight(sources: SourceRef[]): void;
  /** One endpoint's answer for one image (by request URL). */
  setAvailability(url: string, availability: Availability): void;
  /** What a whole endpoint host answers, and which images it lacks when it lacks some. */
  setHostCondition(host: string, condition: HostCondition | null, lacking?: string[]): void;
  setPlaceholdersUp(value: boolean): void;
  /** Forgets every what-if answer. */
  resetWhatIf(): void;
  /** Moves the editor's cursor, opening `file` first (default: the file open now). */
  moveCursor(line: number, column: number, file?: string | null): void;
  setTheme(theme: Theme): void;
  showBanner(banner: Banner): void;
  dismissBanner(id: string): void;
  setResults(results: Partial<ResultsState>): void;
}

export type PlaygroundStore = PlaygroundData & PlaygroundActions;

export const emptyResults: ResultsState = { resolution: null, diagnostics: [], stale: false, durationMs: 0, seq: 0, failure: null };

/**
 * One store per playground instance (page or embed), so tests and embeds start fresh.
 * Every change to the draft goes through an action here; persistence and the URL
 * subscribe to the draft, so no action can forget them.
 */
export function createPlaygroundStore(initial: { mode: Mode; draft: PlaygroundState; results?: ResultsState; theme?: Theme; banners?: Banner[]; fromLink?: boolean }) {
  return createStore<PlaygroundStore>()((set, get) => {
    const editDraft = (change: Partial<PlaygroundState>) =>
      set((state) => ({ draft: { ...state.draft, ...change }, ui: state.ui.fromLink ? { ...state.ui, fromLink: false } : state.ui }));
    const editUi = (change: Partial<UiState>) => set((state) => ({ ui: { ...state.ui, ...change } }));
    return {
      mode: initial.mode,
      draft: initial.draft,
      ui: {
        onlyDiffering: false,
        highlight: [],
        theme: initial.theme ?? 'system',
        cursor: null,
        activeFile: initial.draft.product === 'containerd' ? (initial.draft.certsD[0]?.dir ?? null) : null,
        undo: null,
        banners: initial.banners ?? [],
        fromLink: initial.fromLink ?? false,
        pullSecret: false,
      },
      results: initial.results ?? emptyResults,

      setYaml: (yaml) => {
        if (yaml !== get().draft.yaml) editDraft({ yaml });
      },
      setFileText: (file, text) => {
        if (file === null) return get().setYaml(text);
        const files = get().draft.certsD;
        if (files.find((entry) => entry.dir === file)?.toml === text) return;
        editDraft({ certsD: files.map((entry) => (entry.dir === file ? { dir: file, toml: text } : entry)) });
      },
      addHostsFile: (dir, toml) => {
        if (get().draft.certsD.some((entry) => entry.dir === dir)) return;
        editDraft({ certsD: [...get().draft.certsD, { dir, toml }] });
        editUi({ activeFile: dir });
      },
      renameHostsFile: (from, to) => {
        const files = get().draft.certsD;
        if (from === to || files.some((entry) => entry.dir === to)) return;
        editDraft({ certsD: files.map((entry) => (entry.dir === from ? { dir: to, toml: entry.toml } : entry)) });
        if (get().ui.activeFile === from) editUi({ activeFile: to });
      },
      removeHostsFile: (dir) => {
        const files = get().draft.certsD;
        const index = files.findIndex((entry) => entry.dir === dir);
        if (index < 0) return;
        const rest = files.filter((entry) => entry.dir !== dir);
        const before = get().draft;
        editDraft({ certsD: rest });
        // Deleting is one click: keep the draft for undo, as Clear does.
        editUi({ undo: before, ...(get().ui.activeFile === dir ? { activeFile: rest[Math.max(0, index - 1)]?.dir ?? null } : {}) });
      },
      replaceCertsD: (files) => {
        const before = get().draft;
        editDraft({ certsD: files });
        editUi({ undo: before, activeFile: files[0]?.dir ?? null });
      },
      setActiveFile: (activeFile) => editUi({ activeFile }),
      setImages: (images) => editDraft({ images }),
      addImages: (images) => editDraft({ images: [...get().draft.images, ...images] }),
      removeImage: (index) => editDraft({ images: get().draft.images.filter((_, position) => position !== index) }),
      setImage: (index, image) => editDraft({ images: get().draft.images.map((current, position) => (position === index ? image : current)) }),
      setFlag: (flag, value) => editDraft({ flags: { ...get().draft.flags, [flag]: value } }),
      setView: (view) => editDraft({ view }),
      setVersions: (versions) => editDraft({ versions }),
      setProduct: (product) => {
        const { product: current, versions, certsD } = get().draft;
        if (product === current) return;
        if (product === 'containerd') {
          // Plain containerd: its own releases, and the first of your files in the editor (there is no registries.yaml).
          editDraft({ product, versions: [...defaultContainerdReleaseNames] });
          if (get().ui.activeFile === null && certsD[0] !== undefined) editUi({ activeFile: certsD[0].dir });
          return;
        }
        const suffix = product === 'rke2' ? '+rke2r1' : '+k3s1';
        const k3sNames = versions.filter((name) => !/^containerd\b/i.test(name));
        const names = current === 'containerd' && k3sNames.length < 2 ? [...defaultReleaseNames] : k3sNames;
        editDraft({ product, versions: names.map((name) => name.replace(/\+(?:k3s|rke2r)\d+$/, suffix)) });
      },
      replaceDraft: (next) => {
        const before = get().draft;
        editDraft(next);
        editUi({ undo: before });
      },
      undoReplace: () => {
        const previous = get().ui.undo;
        if (previous === null) return;
        set((state) => ({ draft: previous, ui: { ...state.ui, undo: null } }));
      },
      openLink: (linked) => set((state) => ({ draft: linked, ui: { ...state.ui, fromLink: true, undo: null } })),
      setOnlyDiffering: (onlyDiffering) => editUi({ onlyDiffering }),
      setPullSecret: (pullSecret) => editUi({ pullSecret }),
      setHighlight: (highlight) => editUi({ highlight }),
      setAvailability: (url, availability) => {
        const whatIf = get().draft.whatIf;
        editDraft({ whatIf: { ...whatIf, endpoints: { ...whatIf.endpoints, [url]: availability } } });
      },
      setHostCondition: (host, condition, lacking) => {
        const whatIf = get().draft.whatIf;
        const { [host]: _host, ...hosts } = whatIf.hosts;
        const { [host]: _lacking, ...lackingByHost } = whatIf.lacking;
        editDraft({
          whatIf: {
            ...whatIf,
            hosts: condition === null ? hosts : { ...hosts, [host]: condition },
            lacking: condition === 'lacks-some' ? { ...lackingByHost, [host]: lacking ?? whatIf.lacking[host] ?? [] } : lackingByHost,
          },
        });
      },
      setPlaceholdersUp: (placeholdersUp) => editDraft({ whatIf: { ...get().draft.whatIf, placeholdersUp } }),
      resetWhatIf: () => editDraft({ whatIf: noWhatIf }),
      moveCursor: (line, column, file) => {
        const target = file === undefined ? get().ui.activeFile : file;
        editUi({ activeFile: target, cursor: { line, column, file: target, nonce: (get().ui.cursor?.nonce ?? 0) + 1 } });
      },
      setTheme: (theme) => editUi({ theme }),
      showBanner: (banner) => editUi({ banners: [...get().ui.banners.filter((existing) => existing.id !== banner.id), banner] }),
      dismissBanner: (id) => editUi({ banners: get().ui.banners.filter((banner) => banner.id !== id) }),
      setResults: (results) => set((state) => ({ results: { ...state.results, ...results } })),
    };
  });
}

export type PlaygroundStoreApi = ReturnType<typeof createPlaygroundStore>;
