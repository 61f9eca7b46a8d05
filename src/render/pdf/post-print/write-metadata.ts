/**
 * XMP metadata with the PDF/UA identification (ISO 14289-1 §5, §7.1: pdfuaid:part, dc:title) and the catalog
 * entries PDF/UA asks for: the title shown instead of the file name (§7.1), /MarkInfo /Marked, /Lang.
 */
import type { PdfDocument } from './pdf-document.js';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString } from './pdf-objects.js';

export interface MetadataInput {
  title: string;
  lang: string;
}

export function writeMetadata(doc: PdfDocument, input: MetadataInput): void {
  const catalog = doc.catalog;
  const info = doc.resolveDict(doc.trailer.get('Info'));
  const producer = info?.get('Producer');
  const creator = info?.get('Creator');
  const created = info?.get('CreationDate');
  const xmp = xmpPacket({
    title: input.title,
    lang: input.lang,
    producer: producer instanceof PdfString ? producer.toText() : '',
    creator: creator instanceof PdfString ? creator.toText() : '',
    date: created instanceof PdfString ? xmpDate(created.toText()) : undefined,
  });
  const metadata = new PdfStream(new PdfDict([['Type', PdfName.of('Metadata')], ['Subtype', PdfName.of('XML')]]), new Uint8Array());
  // Uncompressed, as XMP packets are meant to be found by tools that do not parse PDF.
  metadata.setData(Buffer.from(xmp, 'utf8'), false);
  catalog.set('Metadata', doc.add(metadata));
  const preferences = doc.resolveDict(catalog.get('ViewerPreferences')) ?? new PdfDict();
  preferences.set('DisplayDocTitle', true);
  catalog.set('ViewerPreferences', preferences);
  catalog.set('MarkInfo', new PdfDict([['Marked', true]]));
  catalog.set('Lang', PdfString.fromText(input.lang));
  if (info) {
    info.set('Title', PdfString.fromText(input.title));
    const infoRef = doc.trailer.get('Info');
    if (infoRef instanceof PdfRef) doc.markChanged(infoRef);
  }
  const rootRef = doc.trailer.get('Root');
  if (rootRef instanceof PdfRef) doc.markChanged(rootRef);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** D:YYYYMMDDHHmmSS+HH'mm' -> YYYY-MM-DDTHH:mm:SS+HH:mm */
function xmpDate(pdfDate: string): string | undefined {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})'?(\d{2})'?|Z)?/.exec(pdfDate);
  if (!m) return undefined;
  const zone = m[7] ? `${m[7]}${m[8]}:${m[9]}` : 'Z';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
}

function xmpPacket(v: { title: string; lang: string; producer: string; creator: string; date: string | undefined }): string {
  const dates = v.date ? `\n   <xmp:CreateDate>${v.date}</xmp:CreateDate>\n   <xmp:ModifyDate>${v.date}</xmp:ModifyDate>` : '';
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(v.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>${escapeXml(v.lang)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>${escapeXml(v.producer)}</pdf:Producer>
   <xmp:CreatorTool>${escapeXml(v.creator)}</xmp:CreatorTool>${dates}
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
