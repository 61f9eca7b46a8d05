import { createHash } from 'node:crypto';
import { strengthAnchor } from '../../model/document.js';

/**
 * The bookmark name for a strength: strengthAnchor(id), as the HTML anchor. Word ignores bookmark names longer than
 * 40 characters, so a longer one is cut and made unique with a short hash of the whole name (the same for the
 * bookmark and every link to it).
 */
export function strengthBookmark(id: string): string {
  const name = strengthAnchor(id);
  if (name.length <= 40) return name;
  const hash = createHash('sha1').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, 31)}_${hash}`;
}
