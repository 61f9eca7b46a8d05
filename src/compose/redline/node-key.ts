/**
 * A node's content as one string, positions left out: two versions of a block are the same block when their keys
 * are equal. Computed once per node (the trees are not changed while they are compared).
 */
const keys = new WeakMap<object, string>();

export function nodeKey(node: object): string {
  let key = keys.get(node);
  if (key === undefined) {
    key = JSON.stringify(node, (name, value: unknown) => (name === 'position' ? undefined : value));
    keys.set(node, key);
  }
  return key;
}
