import type { AccountMapping } from './account-mapping.js';
import type { CertificateStandIn } from './local-certificates.js';
import type { DeployTarget } from './target.js';

/**
 * What a deploy, diff or destroy reports while it works, for progress output. The CLI prints them
 * on stderr; other callers (previews, `slipway up`) may show them their own way or not at all.
 */
export type DeployEvent =
  | {
      readonly kind: 'target';
      readonly target: DeployTarget;
      readonly reason: string;
      readonly endpoint?: string;
    }
  | { readonly kind: 'emulator-started'; readonly endpoint: string; readonly motoVersion: string }
  | { readonly kind: 'accounts-mapped'; readonly mappings: readonly AccountMapping[] }
  | { readonly kind: 'certificate-stand-in'; readonly standIn: CertificateStandIn }
  | { readonly kind: 'bootstrap'; readonly account: string; readonly region: string }
  | { readonly kind: 'synth'; readonly stacks: number }
  | { readonly kind: 'note'; readonly message: string }
  | {
      readonly kind: 'stack-start';
      readonly action: 'deploy' | 'destroy';
      readonly stack: string;
      readonly index: number;
      readonly total: number;
    }
  | {
      readonly kind: 'resource';
      readonly stack: string;
      readonly logicalId: string;
      readonly type: string;
      readonly status: string;
      readonly reason?: string;
    }
  | {
      readonly kind: 'stack-done';
      readonly action: 'deploy' | 'destroy';
      readonly stack: string;
      readonly seconds: number;
      /** Nothing changed (CloudFormation had no updates to perform). */
      readonly unchanged: boolean;
    }
  | { readonly kind: 'stack-skipped'; readonly stack: string; readonly reason: string };
