/**
 * The shape of a synthesized CloudFormation template, as every step after synth reads it: the
 * checks, the cost estimator, the diff and the deployer. It sits below all of them so imports run
 * one way.
 */

/** One synthesized stack, as the checks and the cost estimator read it. */
export interface SynthesizedStack {
  readonly name: string;
  /** Environment name, or undefined for the account-level CI stack. */
  readonly environment?: string;
  /** The region the stack deploys to; undefined for a template read without its app. */
  readonly region?: string;
  /** Path of the written `<stack>.template.json`. */
  readonly templatePath: string;
  /** The parsed CloudFormation template. */
  readonly template: CfnTemplate;
}

export interface CfnTemplate {
  readonly Resources?: Readonly<Record<string, CfnResource>>;
  readonly Parameters?: Readonly<Record<string, unknown>>;
  readonly Outputs?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly Metadata?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}
