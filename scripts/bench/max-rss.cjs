// Preloaded (node --require) into a Node child by scripts/bench/measure.mjs when GNU time is not
// installed: writes the process's peak resident set size (KiB) and CPU time (user + system, ms) as it exits.
const { writeFileSync } = require('node:fs');

const target = process.env.PORTWARDEN_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}`);
  });
}
