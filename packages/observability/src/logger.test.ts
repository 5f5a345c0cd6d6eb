import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function capture(level?: 'debug' | 'info' | 'warn' | 'error') {
  const lines: string[] = [];
  const logger = createLogger({
    service: 'payment',
    instanceId: 'payment-7',
    level,
    write: (l) => lines.push(l),
  });
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, service, instance, msg and fields', () => {
    const { logger, lines, records } = capture();
    logger.info('payment accepted', { paymentId: 'p-1', amount: 12345n });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(lines[0]?.trimEnd()).not.toContain('\n');
    const [rec] = records();
    expect(Object.keys(rec!).slice(0, 5)).toEqual(['time', 'level', 'service', 'instance', 'msg']);
    expect(rec).toMatchObject({
      level: 'info',
      service: 'payment',
      instance: 'payment-7',
      msg: 'payment accepted',
      paymentId: 'p-1',
      amount: '12345',
    });
    expect(new Date(rec!.time as string).toISOString()).toBe(rec!.time);
  });

  it('drops lines below the level', () => {
    const { logger, records } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(records().map((r) => r.level)).toEqual(['warn', 'error']);
  });

  it('child loggers add fields; call fields cannot overwrite fixed keys', () => {
    const { logger, records } = capture();
    logger.child({ topic: 'ledger.commands' }).child({ partition: 3 }).warn('slow', {
      service: 'spoofed',
      msg: 'spoofed',
    });
    expect(records()[0]).toMatchObject({
      service: 'payment',
      msg: 'slow',
      topic: 'ledger.commands',
      partition: 3,
    });
  });

  it('serialises errors with name, message, code and stack, and survives cycles', () => {
    const { logger, records } = capture();
    const err = Object.assign(new Error('boom', { cause: new Error('root') }), { code: 'X' });
    logger.error('failed', { err });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    logger.error('cyclic', { cyclic });
    const [first, second] = records();
    expect(first?.err).toMatchObject({ name: 'Error', message: 'boom', code: 'X' });
    expect((first?.err as { stack: string }).stack).toContain('boom');
    expect((first?.err as { cause: { message: string } }).cause.message).toBe('root');
    expect(second).toMatchObject({ msg: 'cyclic', unserialisable: 'cyclic' });
  });
});
