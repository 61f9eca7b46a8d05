import { lstat, mkdir, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { unwrittenLabel } from '../model/unwritten.js';
import { MAX_IEP_BYTES, sha256, writeFileAtomic } from '../pipeline/index.js';
import { HttpError } from './http-error.js';

/** `maya.iep.yaml`, `maya.yaml`, `maya.json`: a plain name (no folder part, no leading dot, no control characters). */
const IEP_NAME = /^(?!\.)[^/\\\u0000-\u001f\u007f]{1,200}\.(iep\.yaml|yaml|json)$/;

export function isIepName(name: string): boolean {
  return IEP_NAME.test(name) && !name.includes('..');
}

export interface FileEntry {
  name: string;
  etag: string;
  /** ISO time of the last change on disk. */
  modified: string;
  /** The student's name, when the record says it. */
  student?: string;
}

export interface FileText {
  name: string;
  text: string;
  etag: string;
  /** Text autosaved after the file was last saved (the typing a closed tab or a crash would otherwise lose). */
  draft?: { text: string; saved: string };
}

const notFound = (name: string) => new HttpError(404, 'not-found', `no IEP file named ${JSON.stringify(name)} in the served folder`);

/**
 * The one folder `iep serve` reads and writes: IEP files by plain name, nothing in subfolders, nothing a symlink
 * leads out of, and autosaved drafts under `.iepkit/drafts/`. Every path is built here from a checked name, and
 * every write is atomic (complete or absent). Writes of one name are serialised so that the etag comparison and
 * the write cannot interleave with another save from this server.
 */
export class ServedFolder {
  #locks = new Map<string, Promise<unknown>>();

  private constructor(readonly root: string) {}

  /** The folder, resolved through symlinks; fails when it is not a folder. */
  static async open(folder: string): Promise<ServedFolder> {
    const root = await realpath(folder);
    if (!(await stat(root)).isDirectory()) throw new Error(`${folder} is not a folder`);
    return new ServedFolder(root);
  }

  get draftsDir(): string {
    return join(this.root, '.iepkit', 'drafts');
  }

  async list(): Promise<FileEntry[]> {
    const entries = await readdir(this.root, { withFileTypes: true });
    const files: FileEntry[] = [];
    for (const entry of entries) {
      if (!isIepName(entry.name) || !(entry.isFile() || entry.isSymbolicLink())) continue;
      const read = await this.#read(entry.name).catch(() => undefined);
      if (!read) continue;
      const student = read.bytes.length <= MAX_IEP_BYTES ? studentName(read.bytes) : undefined;
      files.push({ name: entry.name, etag: read.etag, modified: read.modified, ...(student ? { student } : {}) });
    }
    return files.sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(name: string): Promise<FileText> {
    const read = await this.#read(name);
    if (read.bytes.length > MAX_IEP_BYTES) throw tooLarge();
    const text = new TextDecoder().decode(read.bytes);
    const draft = await this.#draft(name, read.mtimeMs, text);
    return { name, text, etag: read.etag, ...(draft ? { draft } : {}) };
  }

  /** Saves `text` if the file on disk is still the one `etag` names; 409 with the disk's text otherwise. */
  save(name: string, text: string, etag: string): Promise<{ etag: string }> {
    return this.#locked(name, async () => {
      const current = await this.#read(name);
      if (current.etag !== etag) {
        const disk = new TextDecoder().decode(current.bytes);
        throw new HttpError(409, 'conflict', `${name} was changed on disk since it was opened`, undefined, { text: disk, etag: current.etag });
      }
      const bytes = encode(text);
      await writeFileAtomic(join(this.root, name), bytes);
      await rm(join(this.draftsDir, name), { force: true });
      return { etag: sha256(bytes) };
    });
  }

  /** A new file; 409 when one of that name exists. */
  create(name: string, text: string): Promise<{ name: string; text: string; etag: string }> {
    if (!isIepName(name)) throw new HttpError(400, 'bad-request', 'a file name is a plain name ending in .iep.yaml, .yaml or .json');
    return this.#locked(name, async () => {
      const exists = await lstat(join(this.root, name)).then(
        () => true,
        () => false,
      );
      if (exists) throw new HttpError(409, 'conflict', `${name} already exists`);
      const bytes = encode(text);
      await writeFileAtomic(join(this.root, name), bytes);
      return { name, text, etag: sha256(bytes) };
    });
  }

  /** Autosave: the typed text beside the file, never over it. */
  saveDraft(name: string, text: string): Promise<{ saved: string }> {
    return this.#locked(name, async () => {
      await this.#read(name);
      const dir = this.draftsDir;
      await mkdir(dir, { recursive: true });
      // `.iepkit` or `drafts` made a symlink to elsewhere would carry the text out of the folder.
      if ((await realpath(dir)) !== dir) throw new HttpError(403, 'forbidden', 'the drafts folder .iepkit/drafts leads outside the served folder');
      const file = join(dir, name);
      await writeFileAtomic(file, encode(text));
      return { saved: (await stat(file)).mtime.toISOString() };
    });
  }

  /** The file's bytes, etag and time, if `name` is an IEP file really inside the folder. */
  async #read(name: string): Promise<{ bytes: Uint8Array; etag: string; modified: string; mtimeMs: number }> {
    if (!isIepName(name)) throw notFound(name);
    const path = join(this.root, name);
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      throw notFound(name);
    }
    // A symlink may point at a file of the folder, never out of it.
    if (dirname(real) !== this.root) throw notFound(name);
    const info = await stat(real);
    if (!info.isFile()) throw notFound(name);
    if (info.size > 2 * MAX_IEP_BYTES) throw tooLarge();
    const bytes = await readFile(real);
    return { bytes, etag: sha256(bytes), modified: info.mtime.toISOString(), mtimeMs: info.mtimeMs };
  }

  async #draft(name: string, fileMtimeMs: number, fileText: string): Promise<{ text: string; saved: string } | undefined> {
    const path = join(this.draftsDir, name);
    try {
      if ((await realpath(path)) !== path) return undefined;
      const info = await stat(path);
      if (!info.isFile() || info.mtimeMs <= fileMtimeMs || info.size > MAX_IEP_BYTES) return undefined;
      const text = await readFile(path, 'utf8');
      return text === fileText ? undefined : { text, saved: info.mtime.toISOString() };
    } catch {
      return undefined;
    }
  }

  #locked<T>(name: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(name) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.#locks.set(name, settled);
    void settled.then(() => {
      if (this.#locks.get(name) === settled) this.#locks.delete(name);
    });
    return next;
  }
}

function encode(text: string): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_IEP_BYTES) throw tooLarge();
  return bytes;
}

function tooLarge(): HttpError {
  return new HttpError(413, 'too-large', `an IEP file may be at most ${MAX_IEP_BYTES} bytes`);
}

/**
 * "Maya Thompson" from `student.firstName`/`lastName`, for the file list; nothing when the text does not parse. A
 * part still holding the starter's "TO WRITE: ..." is not a name and is left out (the app then shows the file name).
 */
function studentName(bytes: Uint8Array): string | undefined {
  try {
    const data = parseYaml(new TextDecoder().decode(bytes), { maxAliasCount: 50 }) as { student?: { firstName?: unknown; lastName?: unknown } } | null;
    const parts = [data?.student?.firstName, data?.student?.lastName].filter(
      (p): p is string => typeof p === 'string' && p.trim() !== '' && unwrittenLabel(p) === undefined,
    );
    return parts.length > 0 ? parts.join(' ') : undefined;
  } catch {
    return undefined;
  }
}
