export { canonicalJson, eventHash, GENESIS_HASH, verifyChain } from './chain.ts';
export { MAX_PAGE_SIZE } from './paging.ts';
export type * from './port.ts';
export { StoreConflict, StoreCursorInvalid, StoreDuplicate } from './port.ts';
export type * from './records.ts';
export { NOTIFICATION_KINDS, ROLES } from './records.ts';
