/**
 * `${{ inner }}`: a GitHub Actions expression, for keys GitHub evaluates (`if:`, `env:`,
 * `with:`, `concurrency:`), never for `run:` scripts, where it would be pasted into the shell.
 */
export function expr(inner: string): string {
  return `\${{ ${inner} }}`;
}
