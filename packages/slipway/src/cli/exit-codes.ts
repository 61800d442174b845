/** What `slipway` exits with, so CI can tell a finding from a typo from a crash. */
export const ExitCode = {
  /** Done, nothing blocking. */
  ok: 0,
  /** The plan has an unacknowledged error finding. */
  findings: 1,
  /** The config or the command line is wrong; the message says how to fix it. */
  usage: 2,
  /** Slipway itself failed; the message carries the stack trace. */
  internal: 3,
  /** A deploy or destroy started and a stack failed; the message names the resource and the next step. */
  deployFailed: 4,
} as const;
