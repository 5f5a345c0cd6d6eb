import { chaosRoutes as r } from '@faultline/api-contract';
import { ConflictError, NotFoundError } from '@faultline/errors';
import { validate, type Express } from '@faultline/http';
import { LinkInputError, type LinkSet } from '@faultline/links';
import { audited, type ApiContext } from '../api/context';
import { actorOf } from '../api/request-meta';
import type { PartitionBook } from './partition-book';

/** The links and partitions the chaos API acts on; absent when links are off (docker mode). */
export interface LinkApi {
  links: LinkSet;
  partitions: PartitionBook;
}

function need(api: LinkApi | undefined): LinkApi {
  if (!api) {
    throw new ConflictError(
      'links are off: process mode with FAULTLINE_LINKS=on puts them in place',
      {
        code: 'LINKS_OFF',
      },
    );
  }
  return api;
}

/** A link the caller named that does not exist is a 404 naming the links there are. */
function asHttp(err: unknown): never {
  if (
    err instanceof LinkInputError &&
    (err.code === 'UNKNOWN_LINK' || err.code === 'UNKNOWN_TOXIC')
  ) {
    throw new NotFoundError(err.message, { code: err.code });
  }
  throw err;
}

/**
 * /api/chaos/links: every link with its toxics; toxics set, listed and cleared like faults;
 * partitions as one action over several links. Every change is audited and announced. With
 * links off the routes are still there: the list says `enabled: false`, a change is a 409.
 */
export function linkRoutes(app: Express, ctx: ApiContext, api: LinkApi | undefined): void {
  app.get(r.links.path, (req, res) => {
    validate(r.links.query, req.query);
    const links = api?.links.list() ?? [];
    res.json({
      enabled: api !== undefined,
      links: links.map((l) => {
        const [instance, dependency] = l.name.split(' -> ');
        return {
          name: l.name,
          instance,
          dependency,
          protocol: l.protocol,
          connections: l.openConnections,
          toxics: l.toxics,
        };
      }),
      partitions: api?.partitions.list() ?? [],
    });
  });

  app.post(r.setToxic.path, async (req, res) => {
    const { links } = need(api);
    validate(r.setToxic.query, req.query);
    const { link, ...spec } = validate(r.setToxic.body, req.body);
    const actor = actorOf(req);
    const toxic = await audited(
      ctx,
      { actor, action: `link.toxic.${spec.kind}`, target: link, params: spec },
      async () => {
        try {
          return links.addToxic(link, spec);
        } catch (err) {
          return asHttp(err);
        }
      },
    );
    ctx.announce('link', `${spec.kind} ${spec.direction} on ${link} by ${actor}`, {
      op: 'set',
      toxic,
    });
    res.status(201).json({ toxic });
  });

  app.delete(r.clearToxic.path, async (req, res) => {
    const { links } = need(api);
    const { id } = validate(r.clearToxic.params, req.params);
    validate(r.clearToxic.query, req.query);
    validate(r.clearToxic.body, req.body);
    const toxic = await audited(
      ctx,
      { actor: actorOf(req), action: 'link.toxic.clear', target: id },
      async () => {
        try {
          return links.removeToxic(id);
        } catch (err) {
          return asHttp(err);
        }
      },
    );
    ctx.announce('link', `${toxic.kind} cleared on ${toxic.link}`, { op: 'cleared', toxic });
    res.json({ cleared: id });
  });

  app.delete(r.healLinks.path, async (req, res) => {
    const { links } = need(api);
    validate(r.healLinks.query, req.query);
    validate(r.healLinks.body, req.body);
    const gone = await audited(
      ctx,
      { actor: actorOf(req), action: 'link.heal-all', target: '*' },
      async () => links.heal(),
    );
    ctx.announce('link', `every link healed (${gone.length} toxics)`, {
      op: 'healed-all',
      count: gone.length,
    });
    res.json({ cleared: gone.length });
  });

  app.post(r.setPartition.path, async (req, res) => {
    const { partitions } = need(api);
    validate(r.setPartition.query, req.query);
    const spec = validate(r.setPartition.body, req.body);
    const actor = actorOf(req);
    const target = `${spec.instance} -/- ${spec.from}`;
    const partition = await audited(
      ctx,
      { actor, action: `partition.${spec.preset}`, target, params: spec },
      async () => {
        const p = partitions.set(spec, actor);
        if (!p)
          throw new NotFoundError(`${spec.instance} has no link to ${spec.from}`, {
            code: 'UNKNOWN_LINK',
          });
        return p;
      },
    );
    ctx.announce(
      'link',
      `partition ${spec.preset}: ${target} (${partition.toxics.length} toxics) by ${actor}`,
      {
        op: 'partition',
        partition,
      },
    );
    res.status(201).json({ partition });
  });

  app.delete(r.healPartition.path, async (req, res) => {
    const { partitions } = need(api);
    const { id } = validate(r.healPartition.params, req.params);
    validate(r.healPartition.query, req.query);
    validate(r.healPartition.body, req.body);
    const p = await audited(
      ctx,
      { actor: actorOf(req), action: 'partition.heal', target: id },
      async () => {
        const healed = partitions.heal(id);
        if (!healed) throw new NotFoundError(`no partition ${id}`, { code: 'PARTITION_NOT_FOUND' });
        return healed;
      },
    );
    ctx.announce('link', `partition healed: ${p.instance} -/- ${p.from}`, {
      op: 'healed',
      partition: p,
    });
    res.json({ cleared: id });
  });
}
