import { loadInfraConfig, missingTestPrerequisites } from '@faultline/infra';

// `npm test`'s pre-script: says which prerequisite this machine lacks before any test starts,
// instead of a failure deep inside the infrastructure's start-up or the first browser test.
const missing = missingTestPrerequisites(loadInfraConfig());
if (missing.length > 0) {
  console.error('npm test cannot run here yet; missing:');
  for (const m of missing) console.error(`  - ${m.what}: ${m.fix}`);
  console.error(
    'On Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven redis-server chromium',
  );
  process.exit(1);
}
