import { NotFoundError, ValidationError } from '@faultline/errors';
import { faultSpecSchema, toggleNames } from '@faultline/faults';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { loadStartSchema } from '@faultline/load';
import { maxInstances, nodeActions, serviceNames } from '@faultline/runtime';

/** Topics a poison step may write garbage to (names without the deployment's prefix). */
export const poisonTopics = [
  'payment.requested',
  'payment.validation',
  'ledger.commands',
  'ledger.events',
] as const;

const at = z.number().min(0).max(86_400).optional();
const nodeId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a node id such as transaction-1');

/** One timed step. `at` is seconds from the start; without it the step follows the previous one. */
export const stepSchema = z.discriminatedUnion('do', [
  z.object({ do: z.literal('load.start'), at, load: loadStartSchema }).strict(),
  z
    .object({ do: z.literal('load.rate'), at, ratePerSecond: z.number().min(0.1).max(5000) })
    .strict(),
  z.object({ do: z.literal('load.stop'), at }).strict(),
  z.object({ do: z.literal('node'), at, node: nodeId, action: z.enum(nodeActions) }).strict(),
  z
    .object({
      do: z.literal('scale'),
      at,
      service: z.enum(serviceNames),
      instances: z.number().int().min(1).max(maxInstances),
    })
    .strict(),
  z.object({ do: z.literal('fault'), at, fault: faultSpecSchema }).strict(),
  z.object({ do: z.literal('toggle'), at, name: z.enum(toggleNames), on: z.boolean() }).strict(),
  /** Clears every fault and toggle, resumes paused nodes, starts service instances that are down. */
  z.object({ do: z.literal('heal'), at }).strict(),
  /** While on, service instances that exit (a crash point) are started again, like a supervisor would. */
  z.object({ do: z.literal('supervise'), at, on: z.boolean() }).strict(),
  z
    .object({
      do: z.literal('poison'),
      at,
      topic: z.enum(poisonTopics),
      count: z.number().int().min(1).max(1000),
    })
    .strict(),
  /** Waits until every payment the load started is final. */
  z
    .object({ do: z.literal('quiesce'), at, timeoutSeconds: z.number().int().min(1).max(3600) })
    .strict(),
  z.object({ do: z.literal('audit'), at }).strict(),
  z.object({ do: z.literal('wait'), at }).strict(),
]);
export type Step = z.output<typeof stepSchema>;

export const scenarioSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9-]{1,60}$/, 'lower-case letters, digits and dashes'),
    title: z.string().min(1).max(120),
    description: z.string().max(2000).default(''),
    /** The launcher profile it needs; 'cluster' scenarios refuse to run on a single node. */
    profile: z.enum(['single', 'cluster']).default('single'),
    /** Default seed; `--seed N` overrides it. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
    steps: z.array(stepSchema).min(1).max(200),
  })
  .strict()
  .superRefine((s, ctx) => {
    let last = 0;
    s.steps.forEach((step, i) => {
      if (step.at === undefined) return;
      if (step.at < last)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', i, 'at'],
          message: `steps must be in time order: ${step.at} s comes after ${last} s`,
        });
      last = Math.max(last, step.at);
    });
    if (!s.steps.some((st) => st.do === 'load.start'))
      ctx.addIssue({
        code: 'custom',
        path: ['steps'],
        message: 'a scenario needs a load.start step',
      });
  });
export type Scenario = z.output<typeof scenarioSchema>;

/** A scenario file that cannot run: 400 SCENARIO_INVALID, with every problem named. */
export class ScenarioError extends ValidationError {
  static override readonly defaults = { code: 'SCENARIO_INVALID', status: 400, retriable: false };
}

/** Parses YAML or JSON text; every problem is named with its path (e.g. steps.3.fault.meanMs). */
export function parseScenario(text: string, source: string): Scenario {
  let raw: unknown;
  try {
    raw = source.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ScenarioError(
      `${source}: not valid ${source.endsWith('.json') ? 'JSON' : 'YAML'}: ${String(err)}`,
    );
  }
  const r = scenarioSchema.safeParse(raw);
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new ScenarioError(`${source}: ${issues.join('; ')}`);
  }
  return r.data;
}

const FILE = /\.(ya?ml|json)$/;

/** Scenario files in a folder, by name (file name without extension). */
export function scenarioFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir).sort())
    if (FILE.test(f)) out.set(f.replace(FILE, ''), path.join(dir, f));
  return out;
}

export function loadScenario(dir: string, name: string): Scenario {
  const file = scenarioFiles(dir).get(name);
  if (file === undefined)
    throw new NotFoundError(`no scenario "${name}" in ${dir}`, { code: 'SCENARIO_NOT_FOUND' });
  const scenario = parseScenario(fs.readFileSync(file, 'utf8'), path.basename(file));
  if (scenario.name !== name)
    throw new ScenarioError(
      `${path.basename(file)}: name "${scenario.name}" must match the file name`,
    );
  return scenario;
}
