import { describe, expect, it } from 'vitest';
import { encodeState } from '../share/codec.ts';
import { redactCredentials } from '../share/redact.ts';
import { defaultState, type PlaygroundState } from '../share/state.ts';
import { boot, detectMode } from './boot.ts';

function storageWith(draft: PlaygroundState | null): Storage {
  const items = new Map<string, string>(draft === null ? [] : [['k3s-registry-playground:draft:v1', JSON.stringify(draft)]]);
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size;
    },
  };
}

const mine: PlaygroundState = { ...defaultState, yaml: 'configs:\n  r.example.com:\n    auth:\n      password: secret\n' };
const theirs: PlaygroundState = { ...defaultState, yaml: 'mirrors:\n  quay.io:\n' };

describe('boot order: link, then saved draft, then default', () => {
  it('shows the default with nothing saved and no link', () => {
    expect(boot({ search: '', hash: '' }, storageWith(null), false)).toMatchObject({ draft: defaultState, fromLink: false, banners: [] });
  });

  it('restores the saved draft', () => {
    expect(boot({ search: '', hash: '' }, storageWith(mine), false).draft).toEqual(mine);
  });

  it('lets a link win over the saved draft, and offers the draft back', () => {
    const state = boot({ search: '', hash: `#${encodeState(theirs)}` }, storageWith(mine), false);
    expect(state).toMatchObject({ draft: theirs, fromLink: true, replacedDraft: mine });
  });

  it('keeps the saved draft, secrets included, when the link is its own redacted form', () => {
    const hash = `#${encodeState(redactCredentials(mine).state)}`;
    expect(boot({ search: '', hash }, storageWith(mine), false)).toMatchObject({ draft: mine, fromLink: false, replacedDraft: null });
  });

  it('explains a bad link and keeps the saved draft', () => {
    const state = boot({ search: '', hash: '#v1.garbage' }, storageWith(mine), false);
    expect(state.draft).toEqual(mine);
    expect(state.banners[0]?.text).toContain('your saved draft is shown instead');
  });

  it('never reads the saved draft in an embed', () => {
    expect(boot({ search: '?embed', hash: '' }, storageWith(mine), false).draft).toEqual(defaultState);
  });

  it('survives storage that throws', () => {
    const hostile = { getItem: () => { throw new Error('denied'); } } as unknown as Storage;
    expect(boot({ search: '', hash: '' }, hostile, false).draft).toEqual(defaultState);
  });
});

describe('mode', () => {
  it.each([
    ['', false, { embed: false, readOnly: false, plainEditor: false }],
    ['?embed', false, { embed: true, readOnly: false, plainEditor: false }],
    ['?embed=readonly', false, { embed: true, readOnly: true, plainEditor: false }],
    ['?editor=plain', false, { embed: false, readOnly: false, plainEditor: true }],
    ['', true, { embed: false, readOnly: false, plainEditor: true }],
    ['?editor=monaco', true, { embed: false, readOnly: false, plainEditor: false }],
  ])('%j on a touch device: %s', (search, touch, expected) => {
    expect(detectMode({ search }, touch)).toEqual(expected);
  });
});
