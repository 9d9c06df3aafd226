import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/**
 * The portal signs users in through the API over loopback, so the API would see the gateway's own address. The
 * portal names the browser's address in this header, with an HMAC of the signing secret: a client cannot forge
 * it to escape the per-address throttle, unlike X-Forwarded-For.
 */
export const CLIENT_ADDRESS_HEADER = 'x-govflow-client-address';

const mac = (address: string, secret: string) =>
  createHmac('sha256', secret).update(`client-address:${address}`).digest('base64url');

export const signedClientAddress = (address: string, secret: string) => `${address} ${mac(address, secret)}`;

export const peerAddress = (request: Request) => (request.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');

/** The client's address: the portal's signed header when it verifies, the socket's peer otherwise. */
export function clientAddressOf(request: Request, secret: string): string {
  const header = request.headers[CLIENT_ADDRESS_HEADER];
  if (typeof header === 'string') {
    const [address, signature] = header.split(' ');
    if (address && signature) {
      const expected = Buffer.from(mac(address, secret));
      const given = Buffer.from(signature);
      if (expected.length === given.length && timingSafeEqual(expected, given)) return address;
    }
  }
  return peerAddress(request);
}
