/**
 * Word-level changes between two versions of the same paragraph, heading or table cell. The text is cut into words
 * with Intl.Segmenter in the copy's language, so scripts written without spaces (Chinese) and Arabic, Bengali or
 * Urdu words are words too; jsdiff's diffArrays finds the longest common sequence of words. Bold, italics and links
 * are kept around the words inside them; a directive (a checkbox, an untranslated passage) is one word of its own.
 */
import { diffArrays } from 'diff';
import type { PhrasingContent } from 'mdast';
import { changeMark, type ChangeMarks } from './change-mark.js';
import { nodeKey } from './node-key.js';

type Wrapper = Extract<PhrasingContent, { type: 'strong' | 'emphasis' | 'delete' | 'link' }>;

interface Token {
  /** Equal keys: the same word in the same formatting. */
  readonly key: string;
  /** A word, a number or a directive, not white space or punctuation. */
  readonly word: boolean;
  readonly text?: string;
  readonly node?: PhrasingContent;
  readonly wrappers: readonly { key: string; node: Wrapper }[];
}

/** Below this share of the words in common, a changed passage reads better as the old one removed, the new added. */
const LEAST_IN_COMMON = 0.34;

export function diffPhrasing(older: readonly PhrasingContent[], newer: readonly PhrasingContent[], lang: string, marks: ChangeMarks): PhrasingContent[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  const a = tokens(older, segmenter, []);
  const b = tokens(newer, segmenter, []);
  const changes = diffArrays(a, b, { comparator: (x, y) => x.key === y.key });
  const common = changes.filter((c) => !c.added && !c.removed).reduce((n, c) => n + c.value.filter((t) => t.word).length, 0);
  const most = Math.max(a.filter((t) => t.word).length, b.filter((t) => t.word).length);
  if (a.length > 0 && b.length > 0 && common < LEAST_IN_COMMON * most) {
    return [changeMark('deleted', [...older], marks), changeMark('inserted', [...newer], marks)];
  }
  // Stretches of changes: white space or punctuation alone between two changes belongs to both, so "1 time" ->
  // "2 times" is one removal and one insertion, not four pieces.
  const out: PhrasingContent[] = [];
  let removed: Token[] = [];
  let added: Token[] = [];
  const flush = () => {
    // The same white space or punctuation at the start or end of both sides is not part of the change (the longest
    // common sequence may have matched a different space than the reader would).
    const head: Token[] = [];
    while (removed.length > 0 && added.length > 0 && !removed[0]!.word && removed[0]!.key === added[0]!.key) {
      head.push(added.shift()!);
      removed.shift();
    }
    const tail: Token[] = [];
    while (removed.length > 0 && added.length > 0 && !removed[removed.length - 1]!.word && removed[removed.length - 1]!.key === added[added.length - 1]!.key) {
      tail.unshift(added.pop()!);
      removed.pop();
    }
    out.push(...build(head, 0));
    if (removed.length > 0) out.push(changeMark('deleted', build(removed, 0), marks));
    if (added.length > 0) out.push(changeMark('inserted', build(added, 0), marks));
    out.push(...build(tail, 0));
    removed = [];
    added = [];
  };
  changes.forEach((change, i) => {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      const between = (removed.length > 0 || added.length > 0) && i < changes.length - 1 && change.value.every((t) => !t.word);
      if (between) {
        removed.push(...change.value);
        added.push(...change.value);
        return;
      }
      flush();
      out.push(...build(change.value, 0));
    }
  });
  flush();
  return mergeTexts(out);
}

/** Neighbouring texts as one (the white space left outside a change and the words after it). */
function mergeTexts(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value };
    else out.push(node);
  }
  return out;
}

function tokens(nodes: readonly PhrasingContent[], segmenter: Intl.Segmenter, wrappers: Token['wrappers']): Token[] {
  const around = wrappers.map((w) => w.key).join('\u0000');
  return nodes.flatMap((node): Token[] => {
    switch (node.type) {
      case 'text':
        return [...segmenter.segment(node.value)].map((s) => ({ key: `${around}\u0001${s.segment}`, word: s.isWordLike === true || /\p{N}/u.test(s.segment), text: s.segment, wrappers }));
      case 'strong':
      case 'emphasis':
      case 'delete':
      case 'link': {
        const shallow = { ...node, children: [] } as Wrapper;
        return tokens(node.children, segmenter, [...wrappers, { key: nodeKey(shallow), node: shallow }]);
      }
      default:
        return [{ key: `${around}\u0002${nodeKey(node)}`, word: true, node, wrappers }];
    }
  });
}

/** Phrasing content from tokens: neighbouring words in the same formatting are one text inside one wrapper. */
function build(list: readonly Token[], depth: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (let i = 0; i < list.length; ) {
    const wrapper = list[i]!.wrappers[depth];
    let end = i + 1;
    while (end < list.length && list[end]!.wrappers[depth]?.key === wrapper?.key) end++;
    const group = list.slice(i, end);
    if (wrapper) out.push({ ...wrapper.node, children: build(group, depth + 1) } as PhrasingContent);
    else {
      for (const token of group) {
        const last = out[out.length - 1];
        if (token.node) out.push(token.node);
        else if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + token.text! };
        else out.push({ type: 'text', value: token.text! });
      }
    }
    i = end;
  }
  return out;
}
