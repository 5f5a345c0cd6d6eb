/**
 * The labels Docker Compose puts on every container it creates. The driver finds this
 * project's containers by them, and puts the same ones on the replicas it creates, so
 * `docker compose ps` and `docker compose down` treat those replicas as their own.
 */
export const composeLabel = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  containerNumber: 'com.docker.compose.container-number',
  /** "True" for `docker compose run` containers: never managed. */
  oneoff: 'com.docker.compose.oneoff',
} as const;

export type Labels = Readonly<Record<string, string | undefined>>;

/** The Engine API filter that keeps a listing or an event stream to one project. */
export function projectFilter(project: string): { label: string[] } {
  return { label: [`${composeLabel.project}=${project}`] };
}
