/**
 * The structure tree (ISO 32000-1 §14.7) read into plain objects that the fixes edit, then written back whole with
 * a parent tree rebuilt from it, so no fix has to keep the parent tree in step by hand.
 */
import type { PdfDocument } from './pdf-document.js';
import { nameValue, numberValue, PdfDict, PdfName, PdfRef, type PdfObject } from './pdf-objects.js';

export type StructKid =
  | { kind: 'element'; element: StructElement }
  | { kind: 'mcid'; mcid: number; page: PdfRef }
  | { kind: 'objr'; object: PdfRef; page?: PdfRef };

export interface StructElement {
  ref: PdfRef;
  dict: PdfDict;
  type: string;
  parent?: StructElement;
  kids: StructKid[];
}

export interface StructTree {
  rootRef: PdfRef | undefined;
  root: PdfDict;
  /** The root's children (usually one element, Chromium's wrapper of /Document). */
  top: StructElement[];
}

export function readStructTree(doc: PdfDocument): StructTree | undefined {
  const rootRef = doc.catalog.get('StructTreeRoot');
  const root = doc.resolveDict(rootRef);
  if (!root) return undefined;
  const seen = new Set<string>();
  const readElement = (ref: PdfObject, parent: StructElement | undefined, depth: number): StructElement | undefined => {
    if (!(ref instanceof PdfRef) || seen.has(ref.key) || depth > 256) return undefined;
    seen.add(ref.key);
    const dict = doc.resolveDict(ref);
    if (!dict) return undefined;
    const element: StructElement = { ref, dict, type: nameValue(dict.get('S')) ?? '', parent, kids: [] };
    const page = dict.get('Pg');
    for (const kid of kidsOf(doc, dict.get('K'))) {
      if (typeof kid === 'number') {
        if (page instanceof PdfRef) element.kids.push({ kind: 'mcid', mcid: kid, page });
        continue;
      }
      const kidDict = kid instanceof PdfDict ? kid : undefined;
      const kidType = kidDict ? nameValue(kidDict.get('Type')) : undefined;
      if (kidDict && kidType === 'MCR') {
        const mcid = numberValue(kidDict.get('MCID'));
        const mcrPage = kidDict.get('Pg') ?? page;
        if (mcid !== undefined && mcrPage instanceof PdfRef) element.kids.push({ kind: 'mcid', mcid, page: mcrPage });
      } else if (kidDict && kidType === 'OBJR') {
        const object = kidDict.get('Obj');
        const objPage = kidDict.get('Pg') ?? page;
        if (object instanceof PdfRef) element.kids.push({ kind: 'objr', object, page: objPage instanceof PdfRef ? objPage : undefined });
      } else {
        const child = readElement(kid, element, depth + 1);
        if (child) element.kids.push({ kind: 'element', element: child });
      }
    }
    return element;
  };
  const top = kidsOf(doc, root.get('K'))
    .map((k) => readElement(k, undefined, 0))
    .filter((e): e is StructElement => e !== undefined);
  return { rootRef: rootRef instanceof PdfRef ? rootRef : undefined, root, top };
}

/** Every element, depth first in reading order. */
export function* walkElements(tree: StructTree): Generator<StructElement> {
  const stack = [...tree.top].reverse();
  while (stack.length) {
    const element = stack.pop()!;
    yield element;
    for (let i = element.kids.length - 1; i >= 0; i--) {
      const kid = element.kids[i]!;
      if (kid.kind === 'element') stack.push(kid.element);
    }
  }
}

/** A new element of `type` under `parent` (not yet placed among its kids). */
export function createElement(doc: PdfDocument, type: string, parent: StructElement): StructElement {
  const dict = new PdfDict([
    ['Type', PdfName.of('StructElem')],
    ['S', PdfName.of(type)],
  ]);
  return { ref: doc.add(dict), dict, type, parent, kids: [] };
}

/** Writes every element's /S, /P, /Pg and /K from the objects, and a parent tree that matches them. */
export function writeStructTree(doc: PdfDocument, tree: StructTree): void {
  const pageParents = new Map<string, { page: PdfRef; mcids: Map<number, PdfRef> }>();
  const objectParents = new Map<string, { object: PdfRef; parent: PdfRef }>();
  for (const element of walkElements(tree)) {
    const { dict } = element;
    if (element.type) dict.set('S', PdfName.of(element.type));
    if (element.parent) dict.set('P', element.parent.ref);
    else if (tree.rootRef) dict.set('P', tree.rootRef);
    const firstPage = element.kids.find((k) => k.kind === 'mcid')?.page;
    if (firstPage) dict.set('Pg', firstPage);
    else if (element.kids.every((k) => k.kind !== 'objr')) dict.delete('Pg');
    const kids: PdfObject[] = element.kids.map((kid) => {
      switch (kid.kind) {
        case 'element':
          return kid.element.ref;
        case 'mcid': {
          const entry = pageParents.get(kid.page.key) ?? { page: kid.page, mcids: new Map() };
          pageParents.set(kid.page.key, entry);
          entry.mcids.set(kid.mcid, element.ref);
          if (firstPage && kid.page.key === firstPage.key) return kid.mcid;
          return new PdfDict([
            ['Type', PdfName.of('MCR')],
            ['Pg', kid.page],
            ['MCID', kid.mcid],
          ]);
        }
        case 'objr':
          objectParents.set(kid.object.key, { object: kid.object, parent: element.ref });
          return new PdfDict([['Type', PdfName.of('OBJR')], ['Obj', kid.object], ...(kid.page ? ([['Pg', kid.page]] as [string, PdfObject][]) : [])]);
      }
    });
    if (kids.length === 1) dict.set('K', kids[0]!);
    else dict.set('K', kids);
    doc.set(element.ref, dict);
  }
  const nums: [number, PdfObject][] = [];
  let next = numberValue(tree.root.get('ParentTreeNextKey')) ?? 0;
  for (const { page, mcids } of pageParents.values()) {
    const pageDict = doc.resolveDict(page);
    if (!pageDict) continue;
    let key = numberValue(pageDict.get('StructParents'));
    if (key === undefined) {
      key = next++;
      pageDict.set('StructParents', key);
      doc.set(page, pageDict);
    }
    const size = Math.max(...mcids.keys()) + 1;
    const parents: PdfObject[] = Array.from({ length: size }, (_, i) => mcids.get(i) ?? null);
    nums.push([key, doc.add(parents)]);
  }
  for (const { object, parent } of objectParents.values()) {
    const annotation = doc.resolveDict(object);
    if (!annotation) continue;
    let key = numberValue(annotation.get('StructParent'));
    if (key === undefined) {
      key = next++;
      annotation.set('StructParent', key);
      doc.set(object, annotation);
    }
    nums.push([key, parent]);
  }
  nums.sort((a, b) => a[0] - b[0]);
  tree.root.set('ParentTree', doc.add(new PdfDict([['Nums', nums.flat()]])));
  tree.root.set('ParentTreeNextKey', Math.max(next, (nums.at(-1)?.[0] ?? -1) + 1));
  if (tree.rootRef) doc.set(tree.rootRef, tree.root);
}

/** /K as a list: an array (possibly behind a reference), or one kid (a reference to an element stays a reference). */
function kidsOf(doc: PdfDocument, value: PdfObject | undefined): PdfObject[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (value instanceof PdfRef) {
    const target = doc.get(value);
    if (Array.isArray(target)) return target;
  }
  return [value];
}
