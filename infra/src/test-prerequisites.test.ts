import { describe, expect, it } from 'vitest';
import { loadInfraConfig } from './config';
import { missingTestPrerequisites } from './test-prerequisites';

describe("npm test's prerequisites", () => {
  it('names each missing one with how to get it', () => {
    const cfg = {
      ...loadInfraConfig({}),
      javaBin: '/nonexistent/bin/java',
      cacheDir: '/nonexistent',
    };
    const missing = missingTestPrerequisites(cfg, { FAULTLINE_CHROMIUM: '/nonexistent/chromium' });
    const text = missing.map((m) => `${m.what}: ${m.fix}`).join('\n');
    expect(text).toMatch(/Java was not found.*openjdk-17/);
    expect(text).toMatch(
      /Chromium was not found at \/nonexistent\/chromium.*apt-get install chromium/,
    );
  });
});
