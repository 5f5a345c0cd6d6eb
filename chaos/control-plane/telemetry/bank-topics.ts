import { topicNames } from '@faultline/proto';

const bases = Object.values(topicNames);

/**
 * Whether a topic belongs to this sandbox: the prefix, then one of the bank's topics (or its
 * retry/dead-letter companions). Other runs (tests with random prefixes) share the broker and
 * must not flood the views.
 */
export function isBankTopic(topic: string, prefix: string): boolean {
  if (!topic.startsWith(prefix)) return false;
  const rest = topic.slice(prefix.length);
  return bases.some((b) => rest === b || rest.startsWith(`${b}.`));
}

/** The origin topic of a retry topic (`x.retry.2` -> `x`); other names unchanged. */
export function originTopic(topic: string): string {
  return topic.replace(/\.retry\.\d+$/, '');
}

/** Whether a consumer group is one of the bank's (`<prefix>account-...`, `<prefix>payment` ...). */
export function isBankGroup(group: string, prefix: string): boolean {
  return (
    group.startsWith(prefix) && /^(account|payment|transaction)/.test(group.slice(prefix.length))
  );
}
