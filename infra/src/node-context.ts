import type { InfraConfig } from './config';
import type { Profile } from './profiles';

/** What a server kind needs to lay out its files and build its command line. */
export interface NodeContext {
  config: InfraConfig;
  profile: Profile;
  /** <state>/<profile>/<node>: config, data and log of one node. */
  nodeDir: string;
  /** <state>/<profile>: shared by the nodes of a profile (e.g. the Kafka cluster id). */
  profileDir: string;
  libDir: string;
}

export interface LaunchCommand {
  command: string;
  args: string[];
}

export const logFileName = 'server.log';
