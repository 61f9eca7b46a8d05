#!/usr/bin/python3
"""
Writes a tiny PDF, built by hand with pikepdf, that meets every item check_pdfua.py checks, and its HTML rendition:
proof that each check can pass (the raw Chromium print in checker.test.ts proves they can fail).

Usage: /usr/bin/python3 test/pdfua/make_conforming_pdf.py OUT.pdf OUT.html [LANG]
One page: an artifact running header, a heading, a paragraph with a French passage (/Lang fr), a list item with
Lbl and LBody, a link with /Contents and its OBJR, a Strong role-mapped to Span, XMP with pdfuaid:part 1, and an
Arabic greeting given in logical order as /ActualText (LANG ar makes it an Arabic document, so the order check runs).
"""
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name, String

TITLE = 'Checker fixture'
LANG = sys.argv[3] if len(sys.argv) > 3 else 'en'
GREETING = '\u0645\u0631\u062d\u0628\u0627 \u0628\u0643\u0645'
pdf = pikepdf.new()
font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding))
content = b"""
/Artifact BMC BT /F1 9 Tf 72 760 Td (Running header) Tj ET EMC
/H1 <</MCID 0>> BDC BT /F1 18 Tf 72 700 Td (A heading) Tj ET EMC
/P <</MCID 1>> BDC BT /F1 11 Tf 72 670 Td (Plain text and ) Tj ET EMC
/Span <</MCID 2>> BDC BT /F1 11 Tf 150 670 Td (bonjour tout le monde) Tj ET EMC
/Lbl <</MCID 3>> BDC BT /F1 11 Tf 72 640 Td (1.) Tj ET EMC
/LBody <</MCID 4>> BDC BT /F1 11 Tf 90 640 Td (An item) Tj ET EMC
/Link <</MCID 5>> BDC BT /F1 11 Tf 72 610 Td (A link) Tj ET 72 607 40 1 re f EMC
/Strong <</MCID 6>> BDC BT /F1 11 Tf 72 580 Td (Strong words) Tj ET EMC
/P <</MCID 7>> BDC BT /F1 11 Tf 72 550 Td (Marhaba bikum) Tj ET EMC
"""
page = pdf.add_blank_page(page_size=(612, 792))
page.obj.Contents = pdf.make_stream(content)
page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
page.obj.StructParents = 0
page.obj.Tabs = Name.S
annot = pdf.make_indirect(Dictionary(
    Type=Name.Annot, Subtype=Name.Link, Rect=Array([72, 605, 112, 620]), Border=Array([0, 0, 0]),
    Contents=String('A link to example.org'), StructParent=1,
    A=Dictionary(S=Name.URI, URI=String('https://example.org/')),
))
page.obj.Annots = Array([annot])
pg = page.obj

root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
doc = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root, Lang=String(LANG)))


def elem(kind, parent, kids=None, **extra):
    e = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name(kind), P=parent, Pg=pg, **extra))
    if kids is not None:
        e.K = kids
    return e


h1 = elem('/H1', doc, 0)
p = elem('/P', doc, Array([1]))
fr = elem('/Span', p, 2, Lang=String('fr'))
p.K.append(fr)
lst = elem('/L', doc)
li = elem('/LI', lst)
lbl = elem('/Lbl', li, 3)
lbody = elem('/LBody', li, 4)
li.K = Array([lbl, lbody])
lst.K = Array([li])
link = elem('/Link', doc, Array([5, Dictionary(Type=Name.OBJR, Obj=annot, Pg=pg)]))
strong = elem('/Strong', doc, 6)
greeting = elem('/P', doc, 7, ActualText=String(GREETING))
doc.K = Array([h1, p, lst, link, strong, greeting])
root.K = doc
root.RoleMap = Dictionary(Strong=Name.Span)
root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array([0, Array([h1, p, fr, lbl, lbody, link, strong, greeting]), 1, link])))
root.ParentTreeNextKey = 2

pdf.Root.StructTreeRoot = root
pdf.Root.MarkInfo = Dictionary(Marked=True)
pdf.Root.Lang = String(LANG)
pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
pdf.docinfo.Title = String(TITLE)
with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
    meta['dc:title'] = TITLE
    meta['{http://www.aiim.org/pdfua/ns/id/}part'] = '1'
pdf.save(sys.argv[1])

with open(sys.argv[2], 'w', encoding='utf-8') as fh:
    fh.write('<!doctype html><html lang="%s"><head><title>%s</title></head><body><h1>A heading</h1>'
             '<p>Plain text and <span lang="fr">bonjour tout le monde</span></p><ol><li>An item</li></ol>'
             '<p><a href="https://example.org/">A link</a></p><p><strong>Strong words</strong></p><p>%s</p></body></html>' % (LANG, TITLE, GREETING))
