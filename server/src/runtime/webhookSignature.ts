import { createHmac } from 'node:crypto';

/**
 * How a gateway knows a delivery is Shanzhi's and fresh: `x-shanzhi-signature` is `sha256=` and
 * the hex HMAC-SHA256, keyed with the webhook's secret, of `<timestamp>.<raw body>`, where the
 * timestamp is `x-shanzhi-timestamp` (Unix seconds of the attempt). A gateway recomputes it over
 * the bytes it received, compares in constant time, refuses a timestamp far from its clock (five
 * minutes, say) and treats a repeated `x-shanzhi-delivery` (the notification id) as already done.
 */
export const SIGNATURE_HEADER = 'x-shanzhi-signature';
export const TIMESTAMP_HEADER = 'x-shanzhi-timestamp';

export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
