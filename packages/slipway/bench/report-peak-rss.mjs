// Loaded with `node --import` into a measured process: prints its peak resident memory on exit,
// on a line the benchmark picks out of stderr.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
