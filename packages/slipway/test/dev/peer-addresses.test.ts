import { describe, expect, it } from 'vitest';
import { localPeerAddresses } from '../../src/dev/peer-urls.js';

describe('other services addresses locally', () => {
  it('turns a private DNS address into the local port of the service, and leaves the rest alone', () => {
    const peers = [
      { name: 'inventory', port: 8080, localPort: 3001 },
      { name: 'payments', port: 8080, localPort: 3002 },
    ];
    expect(
      localPeerAddresses(
        {
          INVENTORY_URL: 'http://inventory.orders.internal:8080',
          PAYMENTS_URL: 'https://payments.orders.internal:8080/v1',
          BOTH: 'inventory.orders.internal:8080,payments.orders.internal:8080',
          OTHER_PORT: 'http://inventory.orders.internal:80801',
          OTHER_APP: 'http://inventory.shop.internal:8080',
          UNKNOWN: 'http://search.orders.internal:8080',
        },
        'orders',
        peers,
      ),
    ).toEqual({
      INVENTORY_URL: 'http://localhost:3001',
      PAYMENTS_URL: 'http://localhost:3002/v1',
      BOTH: 'localhost:3001,localhost:3002',
      OTHER_PORT: 'http://inventory.orders.internal:80801',
      OTHER_APP: 'http://inventory.shop.internal:8080',
      UNKNOWN: 'http://search.orders.internal:8080',
    });
  });
});
