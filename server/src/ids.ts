import { randomFillSync } from 'node:crypto';

const POOL_IDS = 256;
const pool = Buffer.alloc(POOL_IDS * 10);
let pooled = POOL_IDS;
let lastMs = 0;
let counter = 0;

/**
 * A new id: a UUID version 7 (RFC 9562): the time in milliseconds, then a counter that keeps
 * ids made in the same millisecond in order, then 62 random bits. Ids made one after the other
 * sort after each other, so a record's primary key (and the keys built on it: a task is
 * `<instance id>:<element>`, an event `(instance id, seq)`) goes in at the right edge of its
 * index. With random ids every commit would write a leaf page somewhere else in each index;
 * in order, the commits of one group write the same few pages. The time an id shows is the
 * time its record was made, which the record shows anyway.
 */
export function timeOrderedId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // 4,096 ids in one millisecond: borrow the next one, as RFC 9562 allows, to stay in order.
    lastMs++;
    counter = 0;
  }
  if (pooled === POOL_IDS) {
    randomFillSync(pool);
    pooled = 0;
  }
  const random = pool.subarray(pooled * 10, ++pooled * 10);
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((random[0] as number) & 0x3f);
  random.copy(bytes, 9, 1, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
