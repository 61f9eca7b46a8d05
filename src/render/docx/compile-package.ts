/**
 * The files of a docx `Document`'s package, uncompressed, in the order the library zips them.
 *
 * `Packer.toBuffer` compiles the package and zips it (DEFLATE in JavaScript); renderDocx then had to unzip it to
 * finish the parts the library cannot write and zip it again, so every part was compressed twice and inflated once
 * (about a fifth of a DOCX's time). The library's own compiler gives the files before zipping: the same compiler
 * `Packer` uses (a private static of `Packer`, which has no public way to skip the zip), so the parts are the ones
 * `Packer` would have zipped. Checked at the first call: a docx release without it fails loudly here, not with a
 * corrupt file.
 *
 * Each part's XML is written by serializeXml (one pass, the library's bytes) while compilePackage runs: the
 * compiler's formatter gives its objects to the library's writer, and here it gives that writer the finished XML
 * instead, which the writer copies unchanged (writeVerbatim). Other uses of the compiler (a prettified
 * `Packer.toString`) are left to the library's writer.
 */
import { Packer, type Document } from 'docx';
import { serializeXml } from './serialize-xml.js';

interface Formatter {
  format(input: unknown, context?: unknown): Record<string, unknown>;
}

interface Compiler {
  compile(file: Document): Map<string, string | Uint8Array>;
  formatter?: Formatter;
}

/** Whether compilePackage is compiling now (the compiler is the library's, shared by every caller). */
let compiling = false;
let installed = false;

function compilerOf(packer: unknown): Compiler {
  const compiler = (packer as { compiler?: Partial<Compiler> }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('this version of the docx library has no Packer.compiler.compile');
  if (!installed) {
    const formatter = compiler.formatter;
    if (typeof formatter?.format !== 'function') throw new Error('this version of the docx library has no Packer.compiler.formatter.format');
    const format = formatter.format.bind(formatter);
    formatter.format = (input, context) => {
      const output = format(input, context);
      return compiling ? writeVerbatim(serializeXml(output)) : output;
    };
    installed = true;
  }
  return compiler as Compiler;
}

/**
 * An object the library's writer turns into exactly `xml`: an element with no name writes no tag, and content that
 * is neither an object nor a string is written with String(), unescaped; a function's String() is its toString().
 * test/render/docx/serialize-xml.test.ts checks whole packages against the library's writer.
 */
function writeVerbatim(xml: string): Record<string, unknown> {
  const chunk = () => xml;
  chunk.toString = chunk;
  return { '': chunk };
}

/** The package's files by path (XML as strings, fonts as bytes), in zip order. */
export function compilePackage(document: Document): Map<string, string | Uint8Array> {
  const compiler = compilerOf(Packer);
  compiling = true;
  try {
    return compiler.compile(document);
  } finally {
    compiling = false;
  }
}
