/**
 * Argo CD applies a sync's objects wave by wave, lowest first, and waits for each wave to be
 * healthy before the next: what others need (controllers, secrets) goes in an earlier wave.
 */
export function syncWave(wave: number): Record<string, string> {
  return { 'argocd.argoproj.io/sync-wave': String(wave) };
}
