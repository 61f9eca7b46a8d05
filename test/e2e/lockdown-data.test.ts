/**
 * Nothing leaves the machine through the data. IEP text fields hold HTML that would load an image, a frame over a
 * local file and a script that calls home, a Markdown image and a javascript: link, all aimed at a listener on
 * 127.0.0.1. The family copy and the official IEP are rendered to PDF, DOCX and HTML with the real browser:
 * the listener gets no request, no local file's content reaches the PDF, and the PDF shows the hostile strings as
 * the plain text they are.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../src/render/pdf/browser-pool.js';
import { renderIep, type RenderResult } from '../../src/pipeline/render-iep.js';
import {
  describeDiagnostics,
  docxParts,
  docxText,
  errorsOf,
  htmlMain,
  htmlText,
  MINIMAL,
  part,
  pdfAllText,
  rawIep,
  removeTemporary,
  tempDir,
  validated,
} from './helpers.js';

let server: http.Server;
let port = 0;
const requests: string[] = [];
let pool: BrowserPool;
let secretFile: string;
const secret = `iepkit-secret-${randomUUID()}`;
const hostname = readFileSync('/etc/hostname', 'utf8').trim();
let hostile: string[] = [];
const rendered = new Map<string, RenderResult>();

const LAYOUTS = [
  { name: 'family', layout: 'family', profile: 'ny' },
  { name: 'official-ny', layout: 'official', profile: 'ny' },
] as const;

/** Fields that hold the hostile text: paragraphs and list items printed in both the family copy and the official IEP. */
const FIELDS: (string | number)[][] = [
  ['presentLevels', 'academic', 'needs', 0],
  ['presentLevels', 'academic', 'strengths', 0, 'text'],
  ['nondisabledParticipation', 'explanation'],
  ['goals', 0, 'baseline'],
  ['parentConcerns'],
  ['presentLevels', 'academic', 'description'],
  ['student', 'school'],
];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.setHeader('content-type', 'image/png');
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  // The listener answers and counts: a request from this process is seen.
  await fetch(`http://127.0.0.1:${port}/control`).then((r) => r.text());
  if (requests.join() !== 'GET /control') throw new Error(`the listener did not count the control request: ${requests.join()}`);
  requests.length = 0;

  const dir = tempDir('lockdown');
  mkdirSync(dir, { recursive: true });
  secretFile = path.join(dir, 'secret.txt');
  writeFileSync(secretFile, secret);

  hostile = [
    `<img src="http://127.0.0.1:${port}/x">`,
    `<iframe src="file:///etc/hostname"></iframe>`,
    `<iframe src="file://${secretFile}"></iframe>`,
    `<script>fetch('http://127.0.0.1:${port}/s')</script>`,
    `![a](http://127.0.0.1:${port}/md)`,
    `[link](javascript:alert(1))`,
    `<link rel="stylesheet" href="http://127.0.0.1:${port}/css">`,
    `<style>@import url(http://127.0.0.1:${port}/import);</style>`,
    `<a href="http://127.0.0.1:${port}/a">a</a>`,
    `http://127.0.0.1:${port}/autolink`,
  ];
  const data = rawIep(MINIMAL);
  for (const field of FIELDS) {
    let at: any = data;
    for (const key of field.slice(0, -1)) at = at[key];
    at[field.at(-1)!] = hostile.join('\n\n');
  }
  const iep = validated(data);

  pool = new BrowserPool();
  for (const c of LAYOUTS) {
    rendered.set(c.name, await renderIep(iep, { layout: c.layout, profile: c.profile, formats: ['pdf', 'docx', 'html'], browserPool: pool }));
  }
  // Anything the browser started would have arrived by now; give stragglers a moment anyway.
  await new Promise((resolve) => setTimeout(resolve, 300));
}, 180_000);

afterAll(async () => {
  await pool?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  removeTemporary();
});

const output = (name: string, format: 'pdf' | 'docx' | 'html'): Buffer => {
  const result = rendered.get(name)!;
  const found = result.outputs.find((o) => o.format === format);
  if (!found) throw new Error(`no ${format} for ${name}: ${describeDiagnostics(result.diagnostics)}`);
  return found.data;
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Text without any whitespace: a long string wrapped across lines in the PDF still matches. */
const compact = (text: string) => text.replace(/\s+/g, '');

it('renders every copy without errors', () => {
  for (const [name, result] of rendered) expect(errorsOf(result.diagnostics), name).toEqual([]);
});

it('sends no request to the listener on 127.0.0.1 while rendering', () => {
  expect(requests).toEqual([]);
});

describe.each(LAYOUTS)('the $name copy', ({ name }) => {
  it('does not show a local file the data pointed at', () => {
    const text = pdfAllText(output(name, 'pdf'));
    expect(text).not.toContain(secret);
    // The host name as a word of its own (the data itself says "file:///etc/hostname", which is not its content).
    const word = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(hostname)}([^\\p{L}\\p{N}]|$)`, 'u');
    expect(hostname.length).toBeGreaterThan(0);
    expect(word.test(text)).toBe(false);
    for (const format of ['docx', 'html'] as const) expect(output(name, format).toString('latin1')).not.toContain(secret);
  });

  it('prints every hostile string as plain text in the PDF', () => {
    const text = compact(pdfAllText(output(name, 'pdf')));
    for (const h of hostile) expect(text, h).toContain(compact(h));
  });

  it('writes them as text in the HTML: no element, attribute or URL from the data', () => {
    const html = output(name, 'html').toString('utf8');
    // Real tags only (a `<` in text is written as an entity). The only links are the template's own: builds-on
    // notes pointing at a strength in the same document.
    const tags = [...htmlMain(html).matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)].map((m) => ({ name: m[1]!.toLowerCase(), attributes: m[2]! }));
    expect(tags.length).toBeGreaterThan(50);
    const foreign = tags.filter(
      (t) =>
        ['img', 'iframe', 'script', 'link', 'style', 'object', 'embed', 'video', 'audio', 'source', 'form', 'meta', 'base'].includes(t.name) ||
        /\s(src|srcset|style|on\w+|action|formaction)=/i.test(t.attributes) ||
        (/\shref=/i.test(t.attributes) && !(t.name === 'a' && /^\s*href="#strength-[a-z0-9-]+"\s*$/.test(t.attributes))),
    );
    expect(foreign).toEqual([]);
    const text = compact(htmlText(html));
    for (const h of hostile) expect(text, h).toContain(compact(h));
  });

  it('writes them as text in the DOCX: no external relationship, no hyperlink', async () => {
    const parts = await docxParts(output(name, 'docx'));
    for (const [partName, xml] of parts) {
      if (partName.endsWith('.rels')) expect(xml, partName).not.toMatch(/TargetMode="External"/);
      expect(xml, partName).not.toMatch(/Target="(https?|file|javascript):/);
    }
    const documentXml = part(parts, 'word/document.xml');
    expect(documentXml).not.toMatch(/<w:hyperlink\b[^>]*r:id=/);
    expect(documentXml).not.toMatch(/<w:(object|pict)\b|<v:imagedata|<a:blip\b/);
    const text = compact(docxText(documentXml));
    for (const h of hostile) expect(text, h).toContain(compact(h));
  });
});
