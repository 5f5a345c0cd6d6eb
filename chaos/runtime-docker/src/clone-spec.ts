import type Docker from 'dockerode';
import { composeLabel } from './labels';

/**
 * HostConfig fields a replica copies from its template: resources, mounts, init, logging,
 * security and network mode. Never PortBindings (a second replica could not bind the same
 * host port: scalable services publish none) and never anything naming the old container.
 */
const copiedHostConfig = [
  'Binds',
  'Mounts',
  'Memory',
  'MemoryReservation',
  'MemorySwap',
  'NanoCpus',
  'CpuShares',
  'PidsLimit',
  'Init',
  'NetworkMode',
  'RestartPolicy',
  'LogConfig',
  'CapAdd',
  'CapDrop',
  'SecurityOpt',
  'ReadonlyRootfs',
  'Tmpfs',
  'ExtraHosts',
  'Dns',
  'DnsOptions',
  'DnsSearch',
  'ShmSize',
  'Ulimits',
  'GroupAdd',
] as const satisfies readonly (keyof Docker.HostConfig)[];

export interface CloneTarget {
  project: string;
  service: string;
  containerNumber: number;
}

/** Compose's container name: <project>-<service>-<number>. */
export function replicaName(t: CloneTarget): string {
  return `${t.project}-${t.service}-${t.containerNumber}`;
}

/**
 * The create request for a new replica, cloned from an existing replica's inspected config,
 * the way `docker compose up --scale` would make it: same image, command, environment,
 * healthcheck, limits and networks; the compose labels with the new container number; the
 * service name as network alias, so the replica joins the service's DNS round robin.
 * Hostname is NOT copied: each replica gets its own (its container id), from which its
 * instance id is derived, so two replicas never share one.
 */
export function cloneSpec(
  template: Docker.ContainerInspectInfo,
  target: CloneTarget,
): Docker.ContainerCreateOptions {
  const name = replicaName(target);
  const config = template.Config;
  const host: Docker.HostConfig = {};
  const source = template.HostConfig as Record<string, unknown>;
  for (const key of copiedHostConfig) {
    if (source[key] !== undefined && source[key] !== null) {
      (host as Record<string, unknown>)[key] = source[key];
    }
  }
  const endpoints: Docker.EndpointsConfig = {};
  for (const network of Object.keys(template.NetworkSettings?.Networks ?? {})) {
    endpoints[network] = { Aliases: [target.service, name] };
  }
  return {
    name,
    Image: config.Image,
    Cmd: config.Cmd,
    ...(config.Entrypoint !== undefined && config.Entrypoint !== null
      ? { Entrypoint: config.Entrypoint }
      : {}),
    Env: config.Env,
    WorkingDir: config.WorkingDir,
    User: config.User,
    ExposedPorts: config.ExposedPorts,
    ...(config.Healthcheck ? { Healthcheck: config.Healthcheck } : {}),
    Labels: {
      ...config.Labels,
      [composeLabel.project]: target.project,
      [composeLabel.service]: target.service,
      [composeLabel.containerNumber]: String(target.containerNumber),
      [composeLabel.oneoff]: 'False',
    },
    HostConfig: host,
    NetworkingConfig: { EndpointsConfig: endpoints },
  };
}
