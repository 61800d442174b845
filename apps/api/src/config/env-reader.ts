/** The process environment, or a plain object standing in for it in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface IntegerRule {
  readonly min?: number;
  readonly max?: number;
}

/**
 * Reads typed values from the environment and collects every problem instead of stopping at the
 * first, so a misconfigured task reports all its mistakes in one log line.
 */
export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  /** The trimmed value, or undefined when unset or blank (ECS passes empty strings for unset secrets). */
  string(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  integer(name: string, fallback: number, rule: IntegerRule = {}): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const value = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = rule;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      this.problems.push(
        `${name}=${JSON.stringify(raw)} is not an integer from ${min} to ${max}. Fix: set it to a whole number in that range, or unset it to use ${fallback}.`,
      );
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.string(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    this.problems.push(`${name}=${JSON.stringify(raw)} is not a boolean. Fix: set it to true or false.`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(
      `${name}=${JSON.stringify(raw)} is not one of ${allowed.join(', ')}. Fix: use one of those values.`,
    );
    return fallback;
  }

  problem(message: string): void {
    this.problems.push(message);
  }
}
