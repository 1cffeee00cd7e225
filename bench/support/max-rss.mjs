// Preloaded into a benchmarked process (node --import): at exit, writes the process's peak resident
// set size in bytes to the file named by MAX_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.MAX_RSS_FILE;
  // maxRSS is in kilobytes (KiB on Linux).
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
