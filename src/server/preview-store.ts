import { randomBytes } from 'node:crypto';

/**
 * Preview pages kept in memory for `GET /preview/<id>`, the least recently used dropped first, bounded both in
 * count and in bytes (a preview is a whole HTML page with its styles). Nothing is written to disk.
 */
export class PreviewStore {
  #pages = new Map<string, string>();
  #bytes = 0;

  constructor(
    readonly maxEntries = 32,
    readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /** Keeps the page and answers its id: 128 random bits, so ids cannot be guessed. */
  add(html: string): string {
    const id = randomBytes(16).toString('hex');
    this.#pages.set(id, html);
    this.#bytes += html.length;
    for (const [key, value] of this.#pages) {
      if (this.#pages.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      if (key === id) break;
      this.#pages.delete(key);
      this.#bytes -= value.length;
    }
    return id;
  }

  get(id: string): string | undefined {
    const html = this.#pages.get(id);
    if (html === undefined) return undefined;
    this.#pages.delete(id);
    this.#pages.set(id, html);
    return html;
  }

  clear(): void {
    this.#pages.clear();
    this.#bytes = 0;
  }
}
