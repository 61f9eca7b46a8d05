#!/usr/bin/python3
"""
An independent PDF/UA-1 (ISO 14289-1) checker for the machine-checkable items of issue 14: it walks the structure
tree (pikepdf) and the page content (pdfminer) of each PDF and reports, per check, pass/fail, how many items it
checked and the first failures. It shares no code with iepkit's post-print stage on purpose: it must be able to
say that stage is wrong.

Usage: /usr/bin/python3 test/pdfua/check_pdfua.py [--jobs N] PDF [--html HTML] PDF [--html HTML] ...
  --html gives the HTML rendition of the PDF named just before it (needed by the language and order checks).
Prints one JSON object per PDF, one per line, in the order given:
  {"pdf": ..., "html": ..., "checks": {name: {"clause", "pass", "count", "failed", "failures": [...]}}}
A check with nothing to check passes with count 0; the test suite asserts the counts over all PDFs are > 0.

Needs Debian's python3-pikepdf and python3-pdfminer (scripts/ensure-system-deps.mjs test).
"""
import json
import os
import re
import sys
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from html.parser import HTMLParser

import pikepdf
from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import LIT
from pdfminer.utils import apply_matrix_pt

MAX_FAILURES = 5

# ISO 32000-1 tables 333-340: the standard structure types of PDF 1.7.
STANDARD_TYPES = {
    'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
    'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead',
    'TBody', 'TFoot', 'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT',
    'RP', 'Warichu', 'WT', 'WP', 'Figure', 'Formula', 'Form',
}
ARABIC_SCRIPT = re.compile('[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]')
# Marks that carry no text: bidi controls and the zero code point some ToUnicode maps give.
NON_TEXT = re.compile('[\\s\u0000\u00ad\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]')


def squeeze(text):
    """Text compared without whitespace or bidi controls, in compatibility form (Arabic presentation forms as
    letters), so line breaks and shaping do not matter but order does."""
    return NON_TEXT.sub('', unicodedata.normalize('NFKC', text))


def excerpt(text, size=40):
    text = ' '.join(text.split())
    return text if len(text) <= size else text[: size - 1] + '…'


class Check:
    """One check's result: items counted, failures kept up to MAX_FAILURES (all counted)."""

    def __init__(self, clause):
        self.clause, self.count, self.failed, self.failures = clause, 0, 0, []

    def item(self, ok=True, **failure):
        self.count += 1
        if not ok:
            self.fail(**failure)

    def fail(self, **failure):
        self.failed += 1
        if len(self.failures) < MAX_FAILURES:
            self.failures.append(failure)

    def result(self):
        return {'clause': self.clause, 'pass': self.failed == 0, 'count': self.count, 'failed': self.failed, 'failures': self.failures}


# ---------------------------------------------------------------------------------------------------------------
# The structure tree (pikepdf)


def name(obj):
    return str(obj)[1:] if isinstance(obj, pikepdf.Name) else None


def text_of(obj):
    return str(obj) if isinstance(obj, pikepdf.String) else None


def number_tree(node, out=None, seen=None):
    """A number tree (ISO 32000-1 7.9.7) as {key: value}."""
    out = {} if out is None else out
    seen = set() if seen is None else seen
    if node.objgen != (0, 0):
        if node.objgen in seen:
            return out
        seen.add(node.objgen)
    nums = node.get('/Nums')
    if nums is not None:
        for i in range(0, len(nums) - 1, 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get('/Kids', []):
        number_tree(kid, out, seen)
    return out


class Elem:
    def __init__(self, obj, parent):
        self.obj, self.parent = obj, parent
        self.s = name(obj.get('/S')) or '?'
        self.lang = text_of(obj.get('/Lang'))
        self.actual = text_of(obj.get('/ActualText'))
        self.kids = []  # ('elem', Elem) | ('mcid', page objid, mcid) | ('objr', objgen)
        self.page = None  # page number (1-based) of its first content, for messages
        self.type = None  # standard type after the RoleMap

    def ancestors(self):
        e = self
        while e is not None:
            yield e
            e = e.parent


class StructTree:
    def __init__(self, pdf):
        self.pdf = pdf
        root = pdf.Root.get('/StructTreeRoot')
        self.root = root
        self.page_numbers = {p.obj.objgen[0]: i + 1 for i, p in enumerate(pdf.pages)}
        self.role_map = {}
        if root is not None and isinstance(root.get('/RoleMap'), pikepdf.Dictionary):
            self.role_map = {k[1:]: name(v) for k, v in root.RoleMap.items()}
        self.elems = []  # document order
        self.by_objgen = {}
        self.owner = {}  # (page objid, mcid) -> Elem, from the K entries
        self.objr = {}  # annotation objgen -> Elem
        if root is not None:
            self._walk_kids(root.get('/K'), None, None, set())
        for e in self.elems:
            e.type = self.standard_type(e.s)
        self.parent_tree = number_tree(root.ParentTree) if root is not None and '/ParentTree' in root else {}

    def _walk_kids(self, k, parent, page, seen):
        if k is None:
            return
        for kid in (k if isinstance(k, pikepdf.Array) else [k]):
            if isinstance(kid, int):
                if parent is not None and page is not None:
                    parent.kids.append(('mcid', page, int(kid)))
                    self.owner[(page, int(kid))] = parent
                continue
            if not isinstance(kid, pikepdf.Dictionary):
                continue
            kind = name(kid.get('/Type'))
            if kind == 'MCR':
                pg = kid.get('/Pg')
                pid = pg.objgen[0] if pg is not None else page
                if parent is not None and pid is not None and '/Stm' not in kid:
                    parent.kids.append(('mcid', pid, int(kid.MCID)))
                    self.owner[(pid, int(kid.MCID))] = parent
                continue
            if kind == 'OBJR':
                if parent is not None and '/Obj' in kid:
                    parent.kids.append(('objr', kid.Obj.objgen))
                    self.objr[kid.Obj.objgen] = parent
                continue
            if kid.objgen in seen:
                continue
            seen.add(kid.objgen)
            e = Elem(kid, parent)
            self.elems.append(e)
            self.by_objgen[kid.objgen] = e
            if parent is not None:
                parent.kids.append(('elem', e))
            pg = kid.get('/Pg')
            self._walk_kids(kid.get('/K'), e, pg.objgen[0] if pg is not None else page, seen)

    def standard_type(self, s):
        """The standard type a type stands for through the RoleMap (transitively), or None."""
        seen = set()
        while s not in STANDARD_TYPES:
            if s in seen or s not in self.role_map or self.role_map[s] is None:
                return None
            seen.add(s)
            s = self.role_map[s]
        return s

    def mapped(self, page_objid, mcid, struct_parents):
        """The element the ParentTree maps a page's MCID to (ISO 32000-1 14.7.4.4), or None."""
        if struct_parents is None:
            return None
        arr = self.parent_tree.get(struct_parents)
        if not isinstance(arr, pikepdf.Array) or not 0 <= mcid < len(arr):
            return None
        target = arr[mcid]
        return self.by_objgen.get(target.objgen) if isinstance(target, pikepdf.Dictionary) else None


# ---------------------------------------------------------------------------------------------------------------
# The page content (pdfminer): every painting operation with the marked content around it, every glyph with its
# Unicode, position and visibility.


class Seq:
    """A marked-content sequence."""

    def __init__(self, tag, props, page):
        self.tag, self.page = tag, page
        props = props if isinstance(props, dict) else {}
        mcid = resolve1(props.get('MCID'))
        self.mcid = mcid if isinstance(mcid, int) else None
        actual = resolve1(props.get('ActualText'))
        self.actual = decode_pdf_string(actual) if isinstance(actual, bytes) else None
        self.pieces = []  # text in content order: glyph texts and marked-content ActualTexts
        self.glyphs = 0
        self.visible_glyphs = 0
        self.paths = 0
        self.visible_paths = 0
        self.images = 0
        self.painted = 0  # glyphs shown anywhere inside it, nested sequences included
        self.painted_visible = 0
        self.invisible = []  # why glyphs or paths were not visible (for the report)

    def text(self):
        return ''.join(self.pieces)


def decode_pdf_string(raw):
    if raw[:2] == b'\xfe\xff':
        return raw[2:].decode('utf-16-be', 'replace')
    return raw.decode('latin-1')


def overlaps(a, b):
    """Boxes (x0, y0, x1, y1) touch with some area (zero-width glyph boxes count by their x position)."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] < b[3] and b[1] < a[3]


def box_of(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


class Recorder(PDFLayoutAnalyzer):
    """Records, per page, the marked-content sequences and the painting operations with their nesting."""

    def __init__(self, rsrcmgr):
        super().__init__(rsrcmgr)
        self.pages = []  # per page: {'objid', 'number', 'box', 'seqs', 'ops', 'nested': [...]}
        self.interpreter = None

    def begin_page(self, page, ctm):
        super().begin_page(page, ctm)
        self.stack = []
        self.page = {'objid': page.pageid, 'number': len(self.pages) + 1, 'box': tuple(page.mediabox), 'seqs': [], 'ops': [], 'mcid_in_artifact': []}
        self.pages.append(self.page)

    def receive_layout(self, ltpage):
        pass

    def begin_tag(self, tag, props=None):
        seq = Seq(tag.name, props, self.page['number'])
        if seq.mcid is not None and any(s.tag == 'Artifact' for s in self.stack):
            self.page['mcid_in_artifact'].append(seq)
        owner = self.owner()
        if seq.actual is not None and owner is not None and not self.covered():
            owner.pieces.append(seq.actual)
        seq.owner = seq if seq.mcid is not None else owner
        self.stack.append(seq)
        self.page['seqs'].append(seq)

    def end_tag(self):
        if self.stack:
            self.stack.pop()

    def owner(self):
        """The innermost sequence with an MCID: the content item of the structure tree the content belongs to."""
        return next((s for s in reversed(self.stack) if s.mcid is not None), None)

    def covered(self):
        """Inside a marked-content ActualText (ISO 32000-1 14.9.4): glyph texts are replaced by it."""
        return any(s.actual is not None for s in self.stack)

    def op(self, kind):
        op = {'kind': kind, 'stack': list(self.stack), 'text': '', 'box': None}
        self.page['ops'].append(op)
        return op

    # text: one record per text-showing operator, glyphs through render_char
    def render_string(self, textstate, seq, ncs, graphicstate):
        self.current_op = self.op('text')
        self.render_mode = textstate.render
        super().render_string(textstate, seq, ncs, graphicstate)
        self.current_op = None

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
        adv = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        box = self.cur_item._objs[-1].bbox
        try:
            uni = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            uni = None
        op = self.current_op
        op['text'] += uni or '\ufffd'
        op['box'] = box if op['box'] is None else (min(op['box'][0], box[0]), min(op['box'][1], box[1]), max(op['box'][2], box[2]), max(op['box'][3], box[3]))
        visible, why = self.glyph_visible(box)
        for s in self.stack:
            s.painted += 1
            s.painted_visible += visible
        owner = self.owner()
        if owner is not None:
            owner.glyphs += 1
            owner.visible_glyphs += visible
            if not visible:
                owner.invisible.append(why)
            if not self.covered():
                owner.pieces.append(uni or '')
            op.setdefault('glyphs', []).append({'owner': owner, 'unicode': uni, 'cid': cid, 'font': font.fontname, 'covered': self.covered()})
        return adv

    def glyph_visible(self, box):
        if self.render_mode in (3, 7):
            return False, 'text rendering mode %d (invisible)' % self.render_mode
        if not overlaps(box, self.page['box']):
            return False, 'outside the page'
        if not overlaps(box, self.interpreter.clip):
            return False, 'clipped away'
        return True, None

    def paint_path(self, gstate, stroke, fill, evenodd, path):
        points = [apply_matrix_pt(self.ctm, (p[-2], p[-1])) for p in path if len(p) >= 3]
        op = self.op('path')
        if not points:
            return
        op['box'] = box_of(points)
        owner = self.owner()
        if owner is not None:
            owner.paths += 1
            visible = overlaps(op['box'], self.page['box']) and overlaps(op['box'], self.interpreter.clip)
            owner.visible_paths += visible
            if not visible:
                owner.invisible.append('path clipped away or outside the page')

    def render_image(self, name_, stream):
        self.op('image')
        owner = self.owner()
        if owner is not None:
            owner.images += 1

    def paint_shading(self):
        self.op('shading')
        owner = self.owner()
        if owner is not None:
            owner.images += 1


# A content-stream tokenizer: pdfminer's own parser reads a byte at a time and took two thirds of the checker's
# time on Chromium's streams (one Tj per glyph; pikepdf's parser is fast but reading its operands back from Python
# is slower still). A regular expression over the decoded stream gives pdfminer's interpreter the same operands
# (numbers, names as pdfminer literals, strings as bytes, arrays, dictionaries): identical reports on 33 PDFs, the
# checker in half the time.
TOKEN = re.compile(
    rb'(?:[\x00\t\n\x0c\r ]+|%[^\r\n]*)*'
    rb'(?:(?P<dopen><<)|(?P<dclose>>>)|(?P<aopen>\[)|(?P<aclose>\])'
    rb'|(?P<hex><[0-9A-Fa-f\x00\t\n\x0c\r ]*>)'
    rb'|(?P<name>/[^\x00\t\n\x0c\r /\[\]()<>{}%]*)'
    rb'|(?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?![^\x00\t\n\x0c\r /\[\]()<>{}%]))'
    rb'|(?P<string>\()'
    rb'|(?P<keyword>[^\x00\t\n\x0c\r /\[\]()<>{}%]+))'
)
ESCAPES = {ord('n'): b'\n', ord('r'): b'\r', ord('t'): b'\t', ord('b'): b'\b', ord('f'): b'\f'}
END_OF_IMAGE = re.compile(rb'[\x00\t\n\x0c\r ]EI(?=[\x00\t\n\x0c\r ]|$)')


def literal_string(data, i):
    """The literal string starting after the '(' at i - 1, and the index after its closing ')'."""
    out, depth = bytearray(), 1
    while i < len(data):
        ch = data[i]
        if ch == 0x5C:  # backslash
            nxt = data[i + 1] if i + 1 < len(data) else None
            if nxt is not None and 0x30 <= nxt <= 0x37:
                m = re.match(rb'[0-7]{1,3}', data[i + 1:i + 4])
                out.append(int(m.group(), 8) & 0xFF)
                i += 1 + len(m.group())
                continue
            if nxt in (0x0A, 0x0D):  # line continuation
                i += 3 if data[i + 1:i + 3] == b'\r\n' else 2
                continue
            if nxt is not None:
                out += ESCAPES.get(nxt, bytes([nxt]))
            i += 2
            continue
        if ch == 0x28:
            depth += 1
        elif ch == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out.append(ch)
        i += 1
    return bytes(out), i


def name_of(raw):
    return LIT(re.sub(rb'#([0-9A-Fa-f]{2})', lambda m: bytes([int(m.group(1), 16)]), raw[1:]).decode('latin-1'))


def content_operations(data):
    """(operator, operands) of a decoded content stream; an inline image is ('INLINE', [])."""
    stack, marks, i, n = [], [], 0, len(data)
    while i < n:
        m = TOKEN.match(data, i)
        if m is None:
            i += 1
            continue
        i = m.end()
        kind = m.lastgroup
        if kind == 'number':
            text = m.group(kind)
            stack.append(float(text) if b'.' in text else int(text))
        elif kind == 'name':
            stack.append(name_of(m.group(kind)))
        elif kind == 'hex':
            digits = re.sub(rb'[^0-9A-Fa-f]', b'', m.group(kind))
            stack.append(bytes.fromhex((digits + b'0' if len(digits) % 2 else digits).decode()))
        elif kind == 'string':
            value, i = literal_string(data, i)
            stack.append(value)
        elif kind in ('aopen', 'dopen'):
            marks.append(len(stack))
        elif kind == 'aclose' and marks:
            start = marks.pop()
            stack[start:] = [stack[start:]]
        elif kind == 'dclose' and marks:
            start = marks.pop()
            items = stack[start:]
            stack[start:] = [{items[k].name: items[k + 1] for k in range(0, len(items) - 1, 2) if hasattr(items[k], 'name')}]
        elif kind == 'keyword':
            word = m.group(kind)
            if word in (b'true', b'false', b'null'):
                stack.append({b'true': True, b'false': False, b'null': None}[word])
                continue
            if word == b'BI':
                end = END_OF_IMAGE.search(data, data.find(b'ID', i))
                i = end.end() if end else n
                stack, marks = [], []
                yield 'INLINE', []
                continue
            yield word.decode('latin-1'), stack
            stack, marks = [], []


class Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter, fed by content_operations, plus what it leaves out: the clipping path (as a box) and
    shadings (sh). Form XObjects are descended into; MCIDs inside them are looked up with the page's StructParents
    (Chromium's PDFs have none)."""

    def execute(self, streams):
        for ref in streams:
            for op, args in content_operations(resolve1(ref).get_data()):
                if op == 'INLINE':
                    self.device.render_image('inline', None)
                    continue
                method, nargs = self.method(op)
                if method is None:
                    continue
                if nargs == 0:
                    method()
                elif len(args) >= nargs:
                    method(*args[len(args) - nargs:])

    def method(self, op):
        """The do_ method of an operator and how many operands it takes."""
        found = self.methods.get(op)
        if found is None:
            method = getattr(self, 'do_%s' % op.replace('*', '_a').replace('"', '_w').replace("'", '_q'), None)
            found = self.methods[op] = (method, method.__code__.co_argcount - 1 if method else 0)
        return found

    def init_state(self, ctm):
        super().init_state(ctm)
        self.methods = {}
        self.clip = getattr(self, 'clip', None) or (-1e9, -1e9, 1e9, 1e9)
        self.pending_clip = False
        self.device.interpreter = self

    def get_current_state(self):
        return super().get_current_state() + (self.clip,)

    def set_current_state(self, state):
        super().set_current_state(state[:3])
        self.clip = state[3]

    def dup(self):
        copy = super().dup()
        copy.clip = self.clip
        return copy

    def render_contents(self, resources, streams, ctm=(1, 0, 0, 1, 0, 0)):
        outer = self.device.interpreter
        super().render_contents(resources, streams, ctm)
        self.device.interpreter = outer

    def do_W(self):
        self.pending_clip = True

    def do_W_a(self):
        self.pending_clip = True

    def end_path(self):
        if self.pending_clip:
            points = [apply_matrix_pt(self.ctm, (p[-2], p[-1])) for p in self.curpath if len(p) >= 3]
            if points:
                b = box_of(points)
                c = self.clip
                self.clip = (max(b[0], c[0]), max(b[1], c[1]), min(b[2], c[2]), min(b[3], c[3]))
            self.pending_clip = False

    def do_sh(self, name_):
        self.device.paint_shading()


def _ending(method):
    def run(self, *args):
        self.end_path()
        return getattr(PDFPageInterpreter, method)(self, *args)

    return run


for _m in ('do_n', 'do_S', 'do_s', 'do_f', 'do_F', 'do_f_a', 'do_B', 'do_B_a', 'do_b', 'do_b_a'):
    setattr(Interpreter, _m, _ending(_m))


def read_content(path):
    rsrcmgr = PDFResourceManager(caching=True)
    device = Recorder(rsrcmgr)
    interpreter = Interpreter(rsrcmgr, device)
    with open(path, 'rb') as fh:
        for page in PDFPage.get_pages(fh):
            interpreter.clip = None
            interpreter.process_page(page)
    return device.pages


# ---------------------------------------------------------------------------------------------------------------
# The HTML rendition


class HtmlText(HTMLParser):
    """The body text, the document language, and the elements whose lang differs from it (with their text)."""

    VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang, self.text, self.passages, self.open, self.skip = None, [], [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == 'html':
            self.lang = attrs.get('lang')
            return
        if tag in self.VOID:
            return
        passage = None
        lang = attrs.get('lang')
        if lang is not None and self.lang is not None and lang.lower() != self.lang.lower():
            passage = {'lang': lang, 'text': []}
            self.passages.append(passage)
        self.open.append((tag, passage))
        if tag in ('head', 'style', 'script', 'template'):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in self.VOID or tag == 'html':
            return
        while self.open:
            t, _ = self.open.pop()
            if t in ('head', 'style', 'script', 'template'):
                self.skip -= 1
            if t == tag:
                break

    def handle_data(self, data):
        if self.skip:
            return
        self.text.append(data)
        for _, passage in self.open:
            if passage is not None:
                passage['text'].append(data)


def read_html(path):
    parser = HtmlText()
    with open(path, encoding='utf-8') as fh:
        parser.feed(fh.read())
    parser.close()
    passages = [{'lang': p['lang'], 'text': ''.join(p['text'])} for p in parser.passages]
    return {'lang': parser.lang, 'text': ''.join(parser.text), 'passages': [p for p in passages if squeeze(p['text'])]}


# ---------------------------------------------------------------------------------------------------------------
# The checks


def check_metadata(pdf, tree, content, html):
    """7.1 (metadata stream with the PDF/UA identifier, dc:title, DisplayDocTitle, Marked) and 7.2 (/Lang)."""
    c = Check('7.1, 7.2')
    root = pdf.Root
    stream = root.get('/Metadata')
    c.item(isinstance(stream, pikepdf.Stream), problem='the catalog has no /Metadata stream')
    title = None
    if isinstance(stream, pikepdf.Stream):
        try:
            meta = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False, strict=True)
            part = meta.get('{http://www.aiim.org/pdfua/ns/id/}part')
            title = meta.get('dc:title')
            parsed = True
        except Exception as e:  # noqa: BLE001 - any parse error is the finding
            parsed, part = False, None
            c.fail(problem='the XMP does not parse: %s' % e)
        if parsed:
            c.item(str(part) == '1', problem='pdfuaid:part is %r, not 1' % part)
            info_title = text_of(pdf.docinfo.get('/Title')) if '/Info' in pdf.trailer else None
            c.item(bool(title and title.strip()), problem='dc:title is empty or missing')
            c.item(bool(title) and title == info_title, problem='dc:title %r differs from the Info /Title %r' % (excerpt(title or ''), excerpt(info_title or '')))
    prefs = root.get('/ViewerPreferences')
    c.item(isinstance(prefs, pikepdf.Dictionary) and prefs.get('/DisplayDocTitle') is True, problem='/ViewerPreferences /DisplayDocTitle is not true')
    mark = root.get('/MarkInfo')
    c.item(isinstance(mark, pikepdf.Dictionary) and mark.get('/Marked') is True, problem='/MarkInfo /Marked is not true')
    c.item(bool((text_of(root.get('/Lang')) or '').strip()), problem='the catalog has no /Lang')
    return c


def check_untagged_content(pdf, tree, content, html):
    """7.1: all content is either an artifact or tagged (real content with an MCID the ParentTree maps to a
    structure element); no tagged content inside an artifact. Counts every painting operation (text showing,
    path painting other than n, XObjects, inline images, shadings), and the artifact and tagged sequences."""
    c = Check('7.1')
    artifacts = tagged = artifact_sequences = tagged_sequences = 0
    sp = {p.obj.objgen[0]: (int(p.obj.StructParents) if '/StructParents' in p.obj else None) for p in pdf.pages}
    for page in content:
        artifact_sequences += sum(1 for s in page['seqs'] if s.tag == 'Artifact')
        tagged_sequences += sum(1 for s in page['seqs'] if s.mcid is not None and tree.mapped(page['objid'], s.mcid, sp.get(page['objid'])))
        for seq in page['mcid_in_artifact']:
            c.fail(page=page['number'], type='Artifact', text='', problem='MCID %d inside an Artifact' % seq.mcid)
        for op in page['ops']:
            if any(s.tag == 'Artifact' for s in op['stack']):
                artifacts += 1
                c.item()
                continue
            owner = next((s for s in reversed(op['stack']) if s.mcid is not None), None)
            elem = tree.mapped(page['objid'], owner.mcid, sp.get(page['objid'])) if owner is not None else None
            if elem is not None:
                tagged += 1
                c.item()
                continue
            why = 'untagged' if owner is None else 'MCID %d is not in the ParentTree' % owner.mcid
            box = ' at (%d, %d)' % (op['box'][0], op['box'][1]) if op['box'] else ''
            c.item(False, page=page['number'], type=None, text=excerpt(op['text']), problem='%s %s%s' % (why, op['kind'], box))
    out = c.result()
    out['artifacts'], out['tagged'] = artifacts, tagged
    out['artifact_sequences'], out['tagged_sequences'] = artifact_sequences, tagged_sequences
    return out


def check_list_bodies(pdf, tree, content, html):
    """7.2 / ISO 32000-1 14.8.4.3.3: a list item holds only Lbl and LBody, with an LBody."""
    c = Check('7.2 (ISO 32000-1 14.8.4.3.3)')
    for e in tree.elems:
        if e.type != 'LI':
            continue
        kinds = [(k[1].type or k[1].s) if k[0] == 'elem' else k[0] for k in e.kids]
        wrong = [k for k in kinds if k not in ('Lbl', 'LBody')]
        ok = not wrong and 'LBody' in kinds
        c.item(ok, page=e.page, type='LI', text=excerpt(element_text(e, tree)), problem='kids %s' % ' '.join(kinds) if kinds else 'no kids')
    return c


def check_role_map(pdf, tree, content, html):
    """7.1 (ISO 32000-1 14.8.4): every structure type is standard or role-mapped to one; standard types are not
    remapped."""
    c = Check('7.1 (ISO 32000-1 14.8.4)')
    for s, target in tree.role_map.items():
        if s in STANDARD_TYPES:
            c.fail(page=None, type=s, text='', problem='the RoleMap remaps the standard type %s to %s' % (s, target))
    for e in tree.elems:
        c.item(e.type is not None, page=e.page, type=e.s, text=excerpt(element_text(e, tree)), problem='/%s is neither standard nor in the RoleMap' % e.s)
    return c


def check_links(pdf, tree, content, html):
    """7.18.5: links are tagged Link with an OBJR to their annotation and have /Contents; 7.18.3: pages with
    annotations have /Tabs /S."""
    c = Check('7.18.5, 7.18.3')
    for i, page in enumerate(pdf.pages):
        for annot in page.obj.get('/Annots', []):
            if name(annot.get('/Subtype')) != 'Link':
                continue
            elem = tree.objr.get(annot.objgen)
            contents = text_of(annot.get('/Contents')) or ''
            problems = []
            if not contents.strip():
                problems.append('no /Contents')
            if elem is None:
                problems.append('no OBJR from the structure tree')
            elif elem.type != 'Link':
                problems.append('its OBJR is in a %s, not a Link' % elem.s)
            if name(page.obj.get('/Tabs')) != 'S':
                problems.append('the page has no /Tabs /S')
            uri = annot.get('/A', {}).get('/URI') if isinstance(annot.get('/A'), pikepdf.Dictionary) else None
            c.item(not problems, page=i + 1, type='Link', text=excerpt(text_of(uri) or contents), problem=', '.join(problems))
    return c


def check_passage_language(pdf, tree, content, html):
    """7.2: a passage in another language than the document's carries its /Lang. The passages are the elements
    of the HTML rendition with a lang other than <html lang>; each is found, in document order, in the text of
    the structure tree, and every character of it must be under an element (below the Document) with that /Lang."""
    c = Check('7.2')
    if html is None:
        return c
    chars, langs = [], []
    for elem, text in content_items(tree, content):
        lang = next((a.lang for a in elem.ancestors() if a.lang and a.parent is not None), None)
        for ch in squeeze(text):
            chars.append(ch)
            langs.append(lang)
    doc = ''.join(chars)
    cursor = 0
    for p in html['passages']:
        want = squeeze(p['text'])
        # The first occurrence from the cursor on under the passage's /Lang; else the first occurrence, reported.
        found = ok = None
        for start in (cursor, 0):
            at = doc.find(want, start)
            while at >= 0:
                found = found if found is not None else at
                langs_here = set(langs[at:at + len(want)])
                if all(g is not None and g.lower().startswith(p['lang'].lower()) for g in langs_here):
                    ok = at
                    break
                at = doc.find(want, at + 1)
            if ok is not None or found is not None:
                break
        if found is None:
            c.item(False, page=None, type=None, text=excerpt(p['text']), problem='lang=%s passage not found in the structure tree text' % p['lang'])
            continue
        if ok is not None:
            cursor = ok + len(want)
            c.item()
            continue
        got = set(langs[found:found + len(want)])
        c.item(False, page=None, type=None, text=excerpt(p['text']), problem='lang=%s passage has /Lang %s in the PDF' % (p['lang'], ', '.join(sorted(str(g) for g in got))))
    return c


def check_logical_order(pdf, tree, content, html):
    """7.2 / ISO 32000-1 14.8.2.3: right-to-left text is in logical order in the structure: the text of each
    element with Arabic-script letters (its ActualText, or its glyphs' Unicode) occurs in the HTML's text."""
    c = Check('7.2 (ISO 32000-1 14.8.2.3)')
    lang = (text_of(pdf.Root.get('/Lang')) or (html or {}).get('lang') or '').lower()
    if html is None or lang.split('-')[0] not in ('ar', 'ur'):
        return c
    reference = squeeze(html['text'])
    done = set()
    for e in tree.elems:
        unit = next((a for a in reversed(list(e.ancestors())) if a.actual is not None), None)
        if unit is not None:
            if id(unit) in done:
                continue
            done.add(id(unit))
            text = unit.actual
        elif any(k[0] == 'mcid' for k in e.kids):
            unit = e
            text = ''.join(mcid_text(k, tree) for k in e.kids if k[0] == 'mcid')
        else:
            continue
        if not ARABIC_SCRIPT.search(text):
            continue
        c.item(squeeze(text) in reference, page=unit.page, type=unit.s, text=excerpt(text), problem='not in the HTML text (visual order?)')
    return c


def check_glyphless_tagged(pdf, tree, content, html):
    """7.1 / 7.3: tagged content is content a reader can see. (a) Every marked-content sequence with an MCID the
    structure tree uses paints a visible glyph, path or image: a glyph or path inside the page and inside the clip,
    text not in an invisible rendering mode (3, 7). (b) Every marked-content ActualText inside tagged content
    (ISO 32000-1 14.9.4; Chromium wraps each shaped cluster in /Span <</ActualText ...>> BDC) covers a visible
    glyph. At a page break Chromium leaves, on the earlier page, sequences of the element that continues on the
    next page holding only empty BT/ET pairs and glyph-less ActualText spans, or glyphs clipped away below the
    body's clip: their text is read twice, once with nothing on the page."""
    c = Check('7.1, 7.3')
    sp = {p.obj.objgen[0]: (int(p.obj.StructParents) if '/StructParents' in p.obj else None) for p in pdf.pages}
    sequences = spans = 0
    for page in content:
        owners = {}
        for seq in page['seqs']:
            if seq.mcid is None:
                continue
            elem = tree.mapped(page['objid'], seq.mcid, sp.get(page['objid']))
            if elem is None:
                continue
            owners[id(seq)] = elem
            sequences += 1
            ok = seq.visible_glyphs + seq.visible_paths + seq.images > 0
            why = ', '.join(sorted(set(seq.invisible))) or 'paints nothing'
            c.item(ok, page=page['number'], type=elem.s, text=excerpt(seq.text()), problem='MCID %d: %d glyphs, %d paths, none visible (%s)' % (seq.mcid, seq.glyphs, seq.paths, why))
        for seq in page['seqs']:
            if seq.actual is None or seq.owner is None or id(seq.owner) not in owners:
                continue
            spans += 1
            c.item(seq.painted_visible > 0, page=page['number'], type=owners[id(seq.owner)].s, text=excerpt(seq.actual), problem='ActualText over %d glyphs, none visible (MCID %d)' % (seq.painted, seq.owner.mcid))
    out = c.result()
    out['sequences'], out['actualtext_spans'] = sequences, spans
    return out


def check_unicode(pdf, tree, content, html):
    """7.21.7: every glyph of tagged content maps to Unicode (not U+0000), unless the element holding it (or an
    ancestor) gives its text as /ActualText."""
    c = Check('7.21.7')
    excused = 0
    sp = {p.obj.objgen[0]: (int(p.obj.StructParents) if '/StructParents' in p.obj else None) for p in pdf.pages}
    for page in content:
        for op in page['ops']:
            for g in op.get('glyphs', []):
                elem = tree.mapped(page['objid'], g['owner'].mcid, sp.get(page['objid']))
                if elem is None:
                    continue
                if g['unicode'] and '\x00' not in g['unicode']:
                    c.item()
                    continue
                if any(a.actual is not None for a in elem.ancestors()):
                    excused += 1
                    c.item()
                    continue
                got = 'no ToUnicode entry' if g['unicode'] is None else 'maps to U+0000'
                c.item(False, page=page['number'], type=elem.s, text=excerpt(g['owner'].text()), problem='code %d of %s %s' % (g['cid'], g['font'], got))
    out = c.result()
    out['excused_by_actualtext'] = excused
    return out


CHECKS = {
    'metadata': check_metadata,
    'untagged-content': check_untagged_content,
    'list-bodies': check_list_bodies,
    'role-map': check_role_map,
    'links': check_links,
    'passage-language': check_passage_language,
    'logical-order': check_logical_order,
    'glyphless-tagged': check_glyphless_tagged,
    'unicode': check_unicode,
}


# ---------------------------------------------------------------------------------------------------------------
# Text of the structure tree


def index_content(tree, content):
    """(page objid, mcid) -> Seq, and each element's first page."""
    seqs = {}
    for page in content:
        for seq in page['seqs']:
            if seq.mcid is not None:
                seqs.setdefault((page['objid'], seq.mcid), seq)
    tree.seqs = seqs
    for e in reversed(tree.elems):
        for k in e.kids:
            if k[0] == 'mcid' and e.page is None:
                e.page = tree.page_numbers.get(k[1])
            elif k[0] == 'elem' and e.page is None:
                e.page = k[1].page


def mcid_text(kid, tree):
    seq = tree.seqs.get((kid[1], kid[2]))
    return seq.text() if seq is not None else ''


def element_text(e, tree):
    if e.actual is not None:
        return e.actual
    return ''.join(mcid_text(k, tree) if k[0] == 'mcid' else element_text(k[1], tree) if k[0] == 'elem' else '' for k in e.kids)


def content_items(tree, content):
    """(element, text) in structure order; an element with ActualText is one item."""
    out = []

    def walk(e):
        if e.actual is not None:
            out.append((e, e.actual))
            return
        for k in e.kids:
            if k[0] == 'mcid':
                out.append((e, mcid_text(k, tree)))
            elif k[0] == 'elem':
                walk(k[1])

    for e in tree.elems:
        if e.parent is None:
            walk(e)
    return out


def check_file(job):
    path, html_path = job
    result = {'pdf': path, 'html': html_path, 'checks': {}}
    try:
        with pikepdf.open(path) as pdf:
            tree = StructTree(pdf)
            content = read_content(path)
            index_content(tree, content)
            html = read_html(html_path) if html_path else None
            for key, check in CHECKS.items():
                try:
                    out = check(pdf, tree, content, html)
                    result['checks'][key] = out.result() if isinstance(out, Check) else out
                except Exception as e:  # noqa: BLE001 - a crash is a failed check, reported
                    result['checks'][key] = {'clause': '', 'pass': False, 'count': 0, 'failed': 1, 'failures': [{'problem': 'the check crashed: %r' % e}]}
    except Exception as e:  # noqa: BLE001
        result['error'] = 'cannot read the PDF: %r' % e
    return result


def parse_args(argv):
    jobs, files, i = os.cpu_count() or 1, [], 0
    while i < len(argv):
        arg = argv[i]
        if arg == '--jobs':
            jobs = int(argv[i + 1])
            i += 2
            continue
        if arg == '--html':
            if not files:
                raise SystemExit('--html must follow a PDF')
            files[-1] = (files[-1][0], argv[i + 1])
            i += 2
            continue
        files.append((arg, None))
        i += 1
    return jobs, files


def main():
    jobs, files = parse_args(sys.argv[1:])
    if not files:
        raise SystemExit(__doc__)
    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(check_file, files, chunksize=1)
            for r in results:
                print(json.dumps(r, ensure_ascii=False), flush=True)
    else:
        for f in files:
            print(json.dumps(check_file(f), ensure_ascii=False), flush=True)


if __name__ == '__main__':
    main()
