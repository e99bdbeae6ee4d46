import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node } from 'yaml';

/**
 * Which node every alias refers to, worked out in one pass over the document.
 * gopkg.in/yaml.v2's parser registers an anchor when the anchored node *starts* and resolves
 * an alias against the anchors seen so far (decode.go `parser.anchor`, `parser.alias`), so
 * an alias inside its own anchored collection refers to that collection, and a redefined
 * anchor refers to its latest definition. A pre-order walk reproduces both rules.
 * (The yaml library's `Alias.resolve` searches the whole document on every call, which is
 * quadratic for files with many aliases.)
 */
export interface AnchorIndex {
  targetOf(alias: Alias): Node | undefined;
  /** The first alias (in document order) whose anchor is not defined before it. */
  unknown: Alias | null;
}

export function indexAnchors(document: Document): AnchorIndex {
  const current = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  let unknown: Alias | null = null;
  // An explicit stack: a hostile file may nest deeper than the call stack allows.
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const item = stack.pop();
    if (isPair(item)) {
      stack.push(item.value, item.key);
      continue;
    }
    if (isAlias(item)) {
      const target = current.get(item.source);
      if (target !== undefined) targets.set(item, target);
      else unknown ??= item;
      continue;
    }
    if (!isScalar(item) && !isMap(item) && !isSeq(item)) continue;
    if (item.anchor !== undefined) current.set(item.anchor, item);
    if (isMap(item) || isSeq(item)) for (let i = item.items.length - 1; i >= 0; i--) stack.push(item.items[i]);
  }
  return { targetOf: (alias) => targets.get(alias), unknown };
}
