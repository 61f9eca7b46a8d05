import { accessSync, constants, existsSync, lstatSync, readlinkSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Why writing `path` failed, in words that name the folder at fault and the cause, so a person can fix their
 * machine rather than their IEP: a file where a folder should be, a symbolic link to nothing, a read-only file
 * system (EROFS, which is not "no such file"), no permission, a full disk.
 */
export function describeWriteFailure(path: string, error: NodeJS.ErrnoException): string {
  const folder = dirname(path);
  switch (error.code) {
    case 'EROFS':
      return `the folder ${folder} is on a read-only file system`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: this user cannot write in ${folder}`;
    case 'ENOSPC':
      return `the disk that holds ${folder} is full`;
    case 'EDQUOT':
      return `the disk quota for ${folder} is used up`;
    case 'EEXIST':
    case 'ENOTDIR':
    case 'ENOENT': {
      const blocker = firstBlockingAncestor(folder) ?? unwritableAncestor(folder);
      if (blocker) return blocker;
      return error.code === 'ENOENT' ? `the folder ${folder} does not exist and could not be created` : `${folder} is not a folder`;
    }
    default:
      return `${error.code ?? 'error'} while writing in ${folder}`;
  }
}

/** The first part of `folder`, from the root down, that is a file or a symbolic link to nothing. */
function firstBlockingAncestor(folder: string): string | undefined {
  const parts: string[] = [];
  for (let p = folder; ; p = dirname(p)) {
    parts.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of parts) {
    let link;
    try {
      link = lstatSync(p);
    } catch {
      return undefined;
    }
    if (link.isSymbolicLink()) {
      try {
        if (!statSync(p).isDirectory()) return `${p} is a symbolic link to a file, not a folder`;
      } catch {
        return `${p} is a symbolic link to ${readlinkSync(p)}, which does not exist`;
      }
    } else if (!link.isDirectory()) return `${p} is a file, not a folder`;
  }
  return undefined;
}

/** Why the nearest existing folder above `folder` cannot take a new folder (mkdir then says only ENOENT). */
function unwritableAncestor(folder: string): string | undefined {
  let p = folder;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  try {
    accessSync(p, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return `the folder ${p} is on a read-only file system`;
    if (code === 'EACCES' || code === 'EPERM') return `permission denied: this user cannot create folders in ${p}`;
    return undefined;
  }
}
