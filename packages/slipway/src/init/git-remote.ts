import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `owner/name` of the GitHub repository the `origin` remote points to, read from `.git/config`
 * (no git process needed), or undefined when there is none or it is not GitHub.
 */
export function githubRepository(root: string): string | undefined {
  let config: string;
  try {
    config = readFileSync(path.join(root, '.git', 'config'), 'utf8');
  } catch {
    return undefined;
  }
  const origin = /\[remote "origin"\]([^[]*)/.exec(config)?.[1] ?? '';
  const url = /^\s*url\s*=\s*(\S+)/m.exec(origin)?.[1];
  return url === undefined ? undefined : repositoryFromUrl(url);
}

/** `https://github.com/acme/shop.git`, `git@github.com:acme/shop.git`, `ssh://git@github.com/acme/shop` → `acme/shop`. */
export function repositoryFromUrl(url: string): string | undefined {
  const match = /github\.com[:/]([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(url);
  return match ? `${match[1]}/${match[2]}` : undefined;
}
