import { replacePrivateHosts } from '../naming/private-hosts.js';

/** Another service as a local run reaches it. */
export interface LocalPeer {
  readonly name: string;
  /** The port its container listens on in the cloud. */
  readonly port: number;
  /** The port it listens on here. */
  readonly localPort: number;
}

/**
 * Plain variables with every address of another service on private DNS
 * (`http://inventory.orders.internal:8080`, as services reach each other in the cloud) turned
 * into the address it answers at on this machine (`http://localhost:3001`), so a config names its
 * services' addresses once and they work in both places. An address with another port, or of a
 * service that does not run locally, is left as it is.
 */
export function localPeerAddresses(
  variables: Readonly<Record<string, string>>,
  app: string,
  peers: readonly LocalPeer[],
): Record<string, string> {
  return replacePrivateHosts(
    variables,
    app,
    peers.map((peer) => ({
      name: peer.name,
      port: peer.port,
      replacement: (scheme) => `${scheme === undefined ? '' : 'http://'}localhost:${peer.localPort}`,
    })),
  );
}
