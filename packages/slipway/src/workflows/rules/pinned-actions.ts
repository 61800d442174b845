import type { WorkflowRule } from './types.js';

/** `uses: owner/repo[/path]@<40 hex> # <version>` */
const PINNED = /^\s*(?:- )?uses:\s*['"]?[^\s@'"]+@[0-9a-f]{40}['"]?\s+#\s*\S+/;

/**
 * SECURITY.md 15: every third-party action is pinned to a full commit SHA, with the release it
 * is as a comment, so a moved or hijacked tag cannot change what runs. Read from the text,
 * because YAML parsers drop the comment. Local actions (`./`) and `docker://` images are exempt.
 */
export const pinnedActions: WorkflowRule = {
  id: 'Slipway-GHA1',
  description: 'Every third-party action is pinned to a 40-character commit SHA with a version comment.',
  check(file) {
    return file.text
      .split('\n')
      .map((line, index) => ({ line, number: index + 1 }))
      .filter(({ line }) => /^\s*(?:- )?uses:/.test(line))
      .filter(({ line }) => !/uses:\s*['"]?(?:\.\/|docker:\/\/)/.test(line))
      .filter(({ line }) => !PINNED.test(line))
      .map(({ line, number }) => ({
        message: `line ${number} (${line.trim()}) is not pinned to a full commit SHA with a version comment`,
        fix: 'write uses: owner/repo@<40-character commit SHA> # vX.Y.Z (Slipway takes them from src/workflows/actions.ts)',
      }));
  },
};
