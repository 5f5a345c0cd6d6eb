/** `<topic>.retry.<level>`, level 1..N: a retriable failure waits here before another try. */
export function retryTopic(topic: string, level: number): string {
  return `${topic}.retry.${level}`;
}

/** `<topic>.dlt`: messages that will never be handled without a human. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlt`;
}

/** Every topic a consumer of `topic` reads: the topic and its retry topics. */
export function consumedTopics(topic: string, retryLevels: number): string[] {
  return [topic, ...Array.from({ length: retryLevels }, (_, i) => retryTopic(topic, i + 1))];
}

/** A topic and all its companions: retry topics and the dead-letter topic. */
export function topicFamily(topic: string, retryLevels: number): string[] {
  return [...consumedTopics(topic, retryLevels), deadLetterTopic(topic)];
}

export interface TopicRoute {
  /** The topic the message was first published to. */
  origin: string;
  /** 0 for the origin topic, n for `<origin>.retry.n`. */
  level: number;
}

/** Maps each consumed topic name back to its origin topic and retry level. */
export function routeTable(topics: string[], retryLevels: number): Map<string, TopicRoute> {
  const table = new Map<string, TopicRoute>();
  for (const origin of topics) {
    consumedTopics(origin, retryLevels).forEach((name, level) =>
      table.set(name, { origin, level }),
    );
  }
  return table;
}
