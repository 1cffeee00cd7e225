// Preloaded into a benchmarked process (node --import): at exit, writes the process's peak resident
// set size in bytes and the CPU time it used (user + system, all its threads) in milliseconds, as
// JSON, to the file named by USAGE_FILE. CPU time moves far less than elapsed time with the load of
// a shared machine.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.USAGE_FILE;
  const u = process.resourceUsage();
  // maxRSS is in kilobytes (KiB on Linux); the CPU times in microseconds.
  const usage = { rssBytes: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 };
  if (file) writeFileSync(file, JSON.stringify(usage));
});
