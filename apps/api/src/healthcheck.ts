/**
 * The container HEALTHCHECK: exits 0 when `/healthz` answers 200 within two seconds. A script rather
 * than curl, which slim Node images do not ship.
 */
const port = process.env.PORT?.trim() || '3000';

try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
