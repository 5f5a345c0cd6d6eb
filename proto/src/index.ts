import { faultline } from './generated/messages.js';

/** Generated message classes of package faultline.v1 (rebuilt by `npm run proto:gen`). */
export const v1 = faultline.v1;
export type { faultline } from './generated/messages.js';
export { int64, toBigInt } from './int64';
export { messageTypes, topicNames, topicPartitions, topics } from './topics';
export type { TopicKey, Topics } from './topics';
