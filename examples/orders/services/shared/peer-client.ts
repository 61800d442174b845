import type { CallerTokens } from './caller-tokens.js';

/** Another service's answer: its status and JSON body. */
export interface PeerAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * JSON calls to another service, with this service's token when it has caller settings. A 401
 * drops the cached token and tries once more with a fresh one (the other service may have seen a
 * rotated client or an expiry the clock here missed).
 */
export class PeerClient {
  constructor(
    private readonly baseUrl: string,
    private readonly tokens: CallerTokens | undefined,
  ) {}

  async post(path: string, body: unknown): Promise<PeerAnswer> {
    const first = await this.send(path, body);
    if (first.status !== 401 || this.tokens === undefined) return first;
    this.tokens.invalidate();
    return this.send(path, body);
  }

  private async send(path: string, body: unknown): Promise<PeerAnswer> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
    };
    if (this.tokens) headers.authorization = await this.tokens.header();
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      });
    } catch (error) {
      // Reported as a bad gateway: the fault is the other service's, not the caller's request.
      throw Object.assign(new Error(`${this.baseUrl} did not answer: ${(error as Error).message}`), {
        statusCode: 502,
      });
    }
    return { status: response.status, body: await response.json().catch(() => null) };
  }
}
