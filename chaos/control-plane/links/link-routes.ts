import { ConflictError, NotFoundError } from '@faultline/errors';
import { validate, type Express } from '@faultline/http';
import {
  LinkInputError,
  linkNameSchema,
  partitionSpecSchema,
  toxicSpecSchema,
  type LinkSet,
} from '@faultline/links';
import { z } from 'zod';
import { audited, type ApiContext } from '../api/context';
import { actorOf } from '../api/request-meta';
import type { PartitionBook } from './partition-book';

const toxicBody = z.object({ link: linkNameSchema }).passthrough();
const toxicId = z.string().regex(/^tox_[a-z0-9_]+$/, 'a toxic id such as "tox_1_m0abc"');

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
 * partitions as one action over several links. Every change is audited and announced.
 */
export function linkRoutes(app: Express, ctx: ApiContext, api: LinkApi | undefined): void {
  app.get('/api/chaos/links', (_req, res) => {
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

  app.post('/api/chaos/links/toxics', async (req, res) => {
    const { links } = need(api);
    const { link, ...rest } = validate(toxicBody, req.body);
    const spec = validate(toxicSpecSchema, rest);
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

  app.delete('/api/chaos/links/toxics/:id', async (req, res) => {
    const { links } = need(api);
    const id = validate(toxicId, req.params.id);
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

  app.delete('/api/chaos/links/toxics', async (req, res) => {
    const { links } = need(api);
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

  app.post('/api/chaos/partitions', async (req, res) => {
    const { partitions } = need(api);
    const spec = validate(partitionSpecSchema, req.body);
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

  app.delete('/api/chaos/partitions/:id', async (req, res) => {
    const { partitions } = need(api);
    const id = validate(z.uuid(), req.params.id);
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
