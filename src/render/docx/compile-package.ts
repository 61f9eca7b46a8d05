/**
 * The files of a docx `Document`'s package, uncompressed, in the order the library zips them.
 *
 * `Packer.toBuffer` compiles the package and zips it (DEFLATE in JavaScript); renderDocx then had to unzip it to
 * finish the parts the library cannot write and zip it again, so every part was compressed twice and inflated once
 * (about a fifth of a DOCX's time). The library's own compiler gives the files before zipping: the same compiler
 * `Packer` uses (a private static of `Packer`, which has no public way to skip the zip), so the parts are the ones
 * `Packer` would have zipped. Checked at the first call: a docx release without it fails loudly here, not with a
 * corrupt file.
 */
import { Packer, type Document } from 'docx';

interface Compiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

function compilerOf(packer: unknown): Compiler {
  const compiler = (packer as { compiler?: Partial<Compiler> }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('this version of the docx library has no Packer.compiler.compile');
  return compiler as Compiler;
}

/** The package's files by path (XML as strings, fonts as bytes), in zip order. */
export function compilePackage(document: Document): Map<string, string | Uint8Array> {
  return compilerOf(Packer).compile(document);
}
