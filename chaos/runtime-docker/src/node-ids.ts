import { serviceNames, type NodeKind, type ServiceName } from '@faultline/runtime';

/**
 * What kind of node a compose service is, or undefined for the containers the driver does
 * not manage (the control plane itself, one-shot helpers): those can be neither listed nor
 * acted on, so the control plane cannot kill the container it runs in.
 */
export function nodeKindOf(service: string): NodeKind | undefined {
  if (/^kafka(-\d+)?$/.test(service)) return 'kafka';
  if (/^cassandra(-\d+)?$/.test(service)) return 'cassandra';
  if (service === 'redis') return 'redis';
  if (service === 'frontend') return 'frontend';
  if (isServiceName(service)) return 'service';
  return undefined;
}

export function isServiceName(name: string): name is ServiceName {
  return (serviceNames as readonly string[]).includes(name);
}

/**
 * The node id of a container, the same as in process mode: `<service>-<container number>`
 * (payment-2, kafka-1, cassandra-1), `redis` for the single Redis, and the service's own name
 * when it already ends in a number (the cluster profile's kafka-2, cassandra-3 services).
 */
export function nodeIdOf(service: string, containerNumber: number): string {
  if (service === 'redis' && containerNumber === 1) return 'redis';
  if (/-\d+$/.test(service)) return service;
  return `${service}-${containerNumber}`;
}

/** The port a node listens on inside the project network, by kind (services: their PORT). */
export const defaultPorts: Readonly<Partial<Record<NodeKind, number>>> = {
  kafka: 9092,
  cassandra: 9042,
  redis: 6379,
  frontend: 5173,
};
