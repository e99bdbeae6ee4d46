import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../share/codec.ts';
import { isSharedFormOf, redactState } from '../share/redact.ts';
import { defaultState, type PlaygroundState } from '../share/state.ts';
import { memoryStorage } from '../../test/support/memoryStorage.ts';
import { boot, detectMode, startState } from './boot.ts';
import { emptyResults } from './state/store.ts';

function storageWith(draft: PlaygroundState | null): Storage {
  return memoryStorage(draft === null ? {} : { 'k3s-registry-playground:draft:v1': JSON.stringify(draft) });
}

/** What main.tsx loads when the page opens with a link. */
const links = { decodeState, isSharedFormOf };

const mine: PlaygroundState = { ...defaultState, yaml: 'configs:\n  r.example.com:\n    auth:\n      password: secret\n' };
const theirs: PlaygroundState = { ...defaultState, yaml: 'mirrors:\n  quay.io:\n' };

describe('boot order: link, then saved draft, then default', () => {
  it('shows the default with nothing saved and no link', () => {
    expect(boot({ search: '', hash: '' }, storageWith(null), false, links)).toMatchObject({ draft: defaultState, fromLink: false, banners: [] });
  });

  it('restores the saved draft', () => {
    expect(boot({ search: '', hash: '' }, storageWith(mine), false, links).draft).toEqual(mine);
  });

  it('lets a link win over the saved draft, and offers the draft back', () => {
    const state = boot({ search: '', hash: `#${encodeState(theirs)}` }, storageWith(mine), false, links);
    expect(state).toMatchObject({ draft: theirs, fromLink: true, replacedDraft: mine });
  });

  it('keeps the saved draft, secrets included, when the link is its own redacted form', () => {
    const redaction = redactState(mine);
    if (!redaction.safe) throw new Error('the test draft must be redactable');
    const hash = `#${encodeState(redaction.state)}`;
    expect(boot({ search: '', hash }, storageWith(mine), false, links)).toMatchObject({ draft: mine, fromLink: false, replacedDraft: null });
  });

  it('explains a bad link and keeps the saved draft', () => {
    const state = boot({ search: '', hash: '#v1.garbage' }, storageWith(mine), false, links);
    expect(state.draft).toEqual(mine);
    expect(state.banners[0]?.text).toContain('your saved draft is shown instead');
  });

  it('never reads the saved draft in an embed', () => {
    expect(boot({ search: '?embed', hash: '' }, storageWith(mine), false, links).draft).toEqual(defaultState);
  });

  it('treats an in-page anchor as an anchor, not as a broken link', () => {
    expect(boot({ search: '', hash: '#results' }, storageWith(mine), false, links)).toMatchObject({ draft: mine, banners: [], fromLink: false });
  });

  it('caps what a link may carry, and says so', () => {
    const many = { ...theirs, images: Array.from({ length: 1_500 }, (_, index) => `img${index}`) };
    const state = boot({ search: '', hash: `#${encodeState(many)}` }, storageWith(null), false, links);
    expect(state.draft.images).toHaveLength(1_000);
    expect(state.banners[0]?.text).toBe('This link carried 1,500 sample images; the playground shows the first 1,000.');
  });

  it('survives storage that throws', () => {
    const hostile = { getItem: () => { throw new Error('denied'); } } as unknown as Storage;
    expect(boot({ search: '', hash: '' }, hostile, false, links).draft).toEqual(defaultState);
  });
});

describe('start state: nothing the link or the saved draft holds blanks the page', () => {
  const failOn = (bad: PlaygroundState) => (draft: PlaygroundState) => {
    if (draft === bad) throw new RangeError('Maximum call stack size exceeded');
    return { ...emptyResults, seq: 1 };
  };

  it('shows the default with a banner when the engine fails on the saved draft, and keeps the draft aside', () => {
    const storage = storageWith(mine);
    const state = startState({ search: '', hash: '' }, storage, false, (draft) => failOn(draft === defaultState ? theirs : draft)(draft), links);
    expect(state.draft).toEqual(defaultState);
    expect(state.results.seq).toBe(1);
    expect(state.banners.at(-1)?.text).toContain('Your saved draft could not be processed (Maximum call stack size exceeded)');
    expect(JSON.parse(storage.getItem('k3s-registry-playground:draft:unprocessed') ?? 'null')).toEqual(mine);
    // The saved draft itself is untouched.
    expect(JSON.parse(storage.getItem('k3s-registry-playground:draft:v1') ?? 'null')).toEqual(mine);
  });

  it('shows the default with a banner when the engine fails on a linked draft', () => {
    const hash = `#${encodeState(theirs)}`;
    const state = startState(
      { search: '', hash },
      storageWith(null),
      false,
      (draft) => {
        if (draft.yaml === theirs.yaml) throw new Error('engine bug');
        return { ...emptyResults, seq: 1 };
      },
      links,
    );
    expect(state).toMatchObject({ draft: defaultState, fromLink: false });
    expect(state.banners.at(-1)?.text).toContain('The linked draft could not be processed (engine bug)');
  });
});

describe('mode', () => {
  const noOptions = { view: null, images: null, maxHeight: null, theme: null };
  it.each([
    ['', false, { embed: false, readOnly: false, plainEditor: false, embedOptions: null }],
    ['?embed', false, { embed: true, readOnly: false, plainEditor: false, embedOptions: noOptions }],
    ['?embed=readonly', false, { embed: true, readOnly: true, plainEditor: false, embedOptions: noOptions }],
    ['?editor=plain', false, { embed: false, readOnly: false, plainEditor: true, embedOptions: null }],
    ['', true, { embed: false, readOnly: false, plainEditor: true, embedOptions: null }],
    ['?editor=monaco', true, { embed: false, readOnly: false, plainEditor: false, embedOptions: null }],
    ['?embed&view=summary&maxHeight=400&theme=dark&images=nginx,%20redis', false, { embed: true, readOnly: false, plainEditor: false, embedOptions: { view: 'summary', images: ['nginx', 'redis'], maxHeight: 400, theme: 'dark' } }],
    // Options a page cannot mean are ignored, not trusted.
    ['?embed&view=evil&maxHeight=1e9&theme=pink', false, { embed: true, readOnly: false, plainEditor: false, embedOptions: noOptions }],
  ])('%j on a touch device: %s', (search, touch, expected) => {
    expect(detectMode({ search }, touch)).toEqual(expected);
  });

  it('shows an embed the images and view its URL asks for', () => {
    const state = boot({ search: '?embed&view=hosts&images=quay.io/a/b:1', hash: '' }, storageWith(null), false, null);
    expect(state.draft).toMatchObject({ images: ['quay.io/a/b:1'], view: 'hosts' });
  });
});
