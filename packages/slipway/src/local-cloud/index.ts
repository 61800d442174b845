// The local AWS emulator: moto with Slipway's CloudFormation patches, on a loopback port.

export { EMULATOR_LIMITS, LOCAL_ACCOUNT } from './emulator-limits.js';
export { LocalCloudError, type LocalCloudProblem } from './errors.js';
export {
  type LocalCloud,
  type LocalCloudOptions,
  type LocalCloudStatus,
  localCloudStatus,
  requireLocalCloud,
  resetLocalCloud,
  startLocalCloud,
  stopLocalCloud,
} from './launcher.js';
export { DEFAULT_STATE_DIR, type LocalCloudState } from './state-file.js';
