/**
 * The changes between two versions of the official IEP's document tree, as one tree: what is the same is kept as
 * it is; a block that changed is compared inside (a paragraph or a table cell word by word, a table row by row, a
 * list item by item); a block, row or item only one version has is marked whole. Blocks, rows and items are
 * matched by their content with jsdiff's diffArrays (the longest common sequence), so one added goal does not make
 * every goal after it a change.
 */
import { diffArrays } from 'diff';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { List, ListItem, Nodes, PhrasingContent, RootContent, Table, TableRow } from 'mdast';
import { changeMark, type ChangeKind, type ChangeMarks } from './change-mark.js';
import { diffPhrasing } from './diff-phrasing.js';
import { nodeKey } from './node-key.js';

export class BlockDiff {
  constructor(
    private readonly lang: string,
    private readonly marks: ChangeMarks,
  ) {}

  /** Two sequences of blocks (or rows, or list items) as one, with their changes marked. */
  blocks<T extends Nodes>(older: readonly T[], newer: readonly T[]): T[] {
    const changes = diffArrays(older.map(nodeKey), newer.map(nodeKey));
    const out: T[] = [];
    let [o, n] = [0, 0];
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i]!;
      if (!change.added && !change.removed) {
        out.push(...newer.slice(n, n + change.count));
        o += change.count;
        n += change.count;
        continue;
      }
      // A removal and the addition beside it are one changed stretch: its blocks are paired where they can be.
      let removed: T[] = [];
      let added: T[] = [];
      for (; i < changes.length && (changes[i]!.added || changes[i]!.removed); i++) {
        const c = changes[i]!;
        if (c.removed) removed = [...removed, ...older.slice(o, (o += c.count))];
        else added = [...added, ...newer.slice(n, (n += c.count))];
      }
      i--;
      out.push(...this.stretch(removed, added));
    }
    return out;
  }

  /**
   * A changed stretch: each new block is paired with the next old block of the same kind (a changed paragraph, the
   * same table with a changed row); old blocks passed over were removed, new blocks without a pair were added.
   */
  private stretch<T extends Nodes>(removed: readonly T[], added: readonly T[]): T[] {
    const out: T[] = [];
    let o = 0;
    for (const block of added) {
      const at = removed.findIndex((old, k) => k >= o && pairable(old, block));
      if (at < 0) {
        out.push(this.whole(block, 'inserted'));
        continue;
      }
      for (; o < at; o++) out.push(this.whole(removed[o]!, 'deleted'));
      out.push(this.changed(removed[o++]!, block));
    }
    for (; o < removed.length; o++) out.push(this.whole(removed[o]!, 'deleted'));
    return out;
  }

  /** Two versions of one block (pairable): the new one with its differences from the old marked. */
  private changed<T extends Nodes>(older: T, newer: T): T {
    const old = older as Nodes;
    switch (newer.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        return { ...newer, children: this.phrasing(old, newer) };
      case 'table':
        return { ...newer, children: this.blocks((old as Table).children, newer.children) };
      case 'tableRow':
        return { ...newer, children: newer.children.map((cell, c) => this.changed((old as TableRow).children[c]!, cell)) };
      case 'list':
        return { ...newer, children: this.blocks((old as List).children, newer.children) };
      case 'listItem':
      case 'blockquote':
        return { ...newer, children: this.blocks((old as ListItem).children, newer.children as RootContent[]) };
      case 'containerDirective':
        // :::signatures holds only ::signer lines, which cannot be marked: the new team is printed.
        if (newer.name === 'signatures') return newer;
        return { ...newer, children: this.blocks((old as ContainerDirective).children, newer.children as RootContent[]) };
      case 'leafDirective':
        // "Builds on: <strength>" under a goal: its words; other leaves (a page break, a chart) as the new version.
        if (newer.name === 'buildson') return { ...newer, children: this.phrasing(old, newer as Nodes & { children: PhrasingContent[] }) } as T;
        return newer;
      default:
        return newer;
    }
  }

  private phrasing(older: Nodes, newer: Nodes & { children: PhrasingContent[] }): PhrasingContent[] {
    return diffPhrasing((older as { children: PhrasingContent[] }).children, newer.children, this.lang, this.marks);
  }

  /** A block, row or item only one version has: every text in it marked. */
  whole<T extends Nodes>(node: T, kind: ChangeKind): T {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        // An empty cell (a blank column of the form) has nothing to mark.
        return toString(node).trim() === '' ? node : { ...node, children: [changeMark(kind, node.children, this.marks)] };
      case 'leafDirective':
        return node.name === 'buildson' && node.children.length > 0 ? { ...node, children: [changeMark(kind, node.children, this.marks)] } : node;
      case 'table':
      case 'tableRow':
      case 'list':
      case 'listItem':
      case 'blockquote':
        return { ...node, children: (node.children as Nodes[]).map((child) => this.whole(child, kind)) } as T;
      case 'containerDirective':
        return node.name === 'signatures' ? node : ({ ...node, children: (node.children as Nodes[]).map((child) => this.whole(child, kind)) } as T);
      default:
        return node;
    }
  }
}

/** Whether two blocks are two versions of one: the same kind, and for tables and rows the same columns. */
function pairable(a: Nodes, b: Nodes): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'heading':
      return a.depth === (b as typeof a).depth;
    case 'table':
      return columns(a) === columns(b as Table);
    case 'tableRow':
      return a.children.length === (b as TableRow).children.length;
    case 'list':
      return Boolean(a.ordered) === Boolean((b as List).ordered);
    case 'containerDirective':
    case 'leafDirective':
      return a.name === (b as typeof a).name;
    default:
      return true;
  }
}

function columns(table: Table): number {
  return table.children[0]?.children.length ?? 0;
}
