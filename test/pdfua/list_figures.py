#!/usr/bin/python3
"""
Lists the Figure structure elements of each PDF with their /Alt (pikepdf), for tests that a chart or picture is
tagged with its text alternative (ISO 14289-1 7.3: a Figure needs alternate text). Independent of iepkit's code.

Usage: /usr/bin/python3 test/pdfua/list_figures.py PDF...
Prints one JSON object per PDF, one per line: {"pdf": ..., "figures": [{"alt": str|null, "parent": "/Type"}]}
"""
import json
import sys

import pikepdf


def figures(path):
    found = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root.get('/StructTreeRoot')
        if root is None:
            return found
        seen = set()

        def walk(node, parent):
            if not isinstance(node, pikepdf.Dictionary) or '/S' not in node:
                return
            key = node.objgen
            if key != (0, 0):
                if key in seen:
                    return
                seen.add(key)
            if node.S == '/Figure':
                alt = node.get('/Alt')
                found.append({'alt': str(alt) if alt is not None else None, 'parent': str(parent)})
            kids = node.get('/K')
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                walk(kid, node.S)

        kids = root.get('/K')
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
            walk(kid, '/StructTreeRoot')
    return found


for path in sys.argv[1:]:
    print(json.dumps({'pdf': path, 'figures': figures(path)}, ensure_ascii=False))
